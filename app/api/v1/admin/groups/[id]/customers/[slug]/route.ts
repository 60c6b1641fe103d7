import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { removeGroupCustomerAccess, setGroupCustomerAccess } from "@/lib/users/groups.ts";

type Params = { id: string; slug: string };

export const PUT = apiRoute<Params>(
  async ({ req, params, actor }) =>
    setGroupCustomerAccess(actor, params.id, params.slug, await readJson(req), requestMeta(req.headers)),
  { scope: "admin" },
);

export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => {
    await removeGroupCustomerAccess(actor, params.id, params.slug, requestMeta(req.headers));
    return new Response(null, { status: 204 });
  },
  { scope: "admin" },
);

const notAllowed = methodNotAllowed("PUT, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PATCH };
