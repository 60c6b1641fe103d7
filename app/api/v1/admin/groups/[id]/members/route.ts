import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { addGroupMember } from "@/lib/users/groups.ts";

export const POST = apiRoute<{ id: string }>(
  async ({ req, params, actor }) => addGroupMember(actor, params.id, await readJson(req), requestMeta(req.headers)),
  { scope: "admin", status: 201 },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
