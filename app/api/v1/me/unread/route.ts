import { unreadSummary } from "@/lib/conversations/unread.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

export const GET = apiRoute(async ({ actor }) => unreadSummary(actor), { scope: "account" });

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
