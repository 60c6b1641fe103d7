import { searchUsers } from "@/lib/conversations/conversations.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

export const GET = apiRoute(async ({ req, actor }) => searchUsers(actor, Object.fromEntries(new URL(req.url).searchParams)), {
  scope: "account",
});

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
