import { requestMeta } from "@/lib/audit/audit.ts";
import { getCustomer, updateCustomer } from "@/lib/customers/customers.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getCustomer(actor, params.slug), { scope: "account" });

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateCustomer(actor, params.slug, await readJson(req), requestMeta(req.headers)),
  { scope: "account" },
);

const notAllowed = methodNotAllowed("GET, PATCH");

export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE };
