import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { adminUpdateUser, deleteUser, getUser } from "@/lib/users/admin.ts";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getUser(actor, params.id), { scope: "admin" });

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => adminUpdateUser(actor, params.id, await readJson(req), requestMeta(req.headers)),
  { scope: "admin" },
);

export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => {
    await deleteUser(actor, params.id, requestMeta(req.headers));
    return new Response(null, { status: 204 });
  },
  { scope: "admin" },
);

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");

export { notAllowed as POST, notAllowed as PUT };
