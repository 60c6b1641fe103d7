import { requestMeta } from "@/lib/audit/audit.ts";
import { createContract, listContracts } from "@/lib/customers/contracts.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => listContracts(actor, params.slug), { scope: "account" });

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => createContract(actor, params.slug, await readJson(req), requestMeta(req.headers)),
  { scope: "account", status: 201 },
);

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
