import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { removeGroupMember } from "@/lib/users/groups.ts";

export const DELETE = apiRoute<{ id: string; userId: string }>(
  async ({ req, params, actor }) => {
    await removeGroupMember(actor, params.id, params.userId, requestMeta(req.headers));
    return new Response(null, { status: 204 });
  },
  { scope: "admin" },
);

const notAllowed = methodNotAllowed("DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
