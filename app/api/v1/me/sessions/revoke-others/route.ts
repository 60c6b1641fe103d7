import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { revokeOtherSessions } from "@/lib/users/profile.ts";

export const POST = apiRoute(async ({ req, actor }) => revokeOtherSessions(actor, requestMeta(req.headers)), {
  scope: "browser",
});

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
