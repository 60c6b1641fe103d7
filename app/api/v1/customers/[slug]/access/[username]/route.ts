import { requestMeta } from "@/lib/audit/audit.ts";
import { grantCustomerAccess, revokeCustomerAccess } from "@/lib/customers/customers.ts";
import { apiRoute, decodeSegment, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string; username: string };

export const PUT = apiRoute<Params>(
  async ({ req, params, actor }) =>
    grantCustomerAccess(actor, params.slug, decodeSegment(params.username), await readJson(req), requestMeta(req.headers)),
  { scope: "account" },
);

export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => {
    await revokeCustomerAccess(actor, params.slug, decodeSegment(params.username), requestMeta(req.headers));
    return new Response(null, { status: 204 });
  },
  { scope: "account" },
);

const notAllowed = methodNotAllowed("PUT, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PATCH };
