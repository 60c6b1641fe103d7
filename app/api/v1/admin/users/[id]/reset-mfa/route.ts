import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { resetUserMfa } from "@/lib/users/admin.ts";

export const POST = apiRoute<{ id: string }>(
  async ({ req, params, actor }) => resetUserMfa(actor, params.id, requestMeta(req.headers)),
  { scope: "admin" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
