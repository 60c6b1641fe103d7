import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { deleteGroup, getGroup, updateGroup } from "@/lib/users/groups.ts";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getGroup(actor, params.id), { scope: "admin" });

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateGroup(actor, params.id, await readJson(req), requestMeta(req.headers)),
  { scope: "admin" },
);

export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => {
    await deleteGroup(actor, params.id, requestMeta(req.headers));
    return new Response(null, { status: 204 });
  },
  { scope: "admin" },
);

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");

export { notAllowed as POST, notAllowed as PUT };
