import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { markAllNotificationsRead } from "@/lib/notifications/notify.ts";

export const POST = apiRoute(async ({ actor }) => markAllNotificationsRead(actor), { scope: "account" });

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
