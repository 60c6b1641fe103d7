import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { markNotificationRead } from "@/lib/notifications/notify.ts";

type Params = { id: string };

export const POST = apiRoute<Params>(async ({ params, actor }) => markNotificationRead(actor, params.id), { scope: "account" });

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
