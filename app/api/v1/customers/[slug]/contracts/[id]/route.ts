import { requestMeta } from "@/lib/audit/audit.ts";
import { deleteContract, getContract, updateContract } from "@/lib/customers/contracts.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string; id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getContract(actor, params.slug, params.id), {
  scope: "account",
});

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateContract(actor, params.slug, params.id, await readJson(req), requestMeta(req.headers)),
  { scope: "account" },
);

export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => {
    await deleteContract(actor, params.slug, params.id, requestMeta(req.headers));
    return new Response(null, { status: 204 });
  },
  { scope: "account" },
);

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");

export { notAllowed as POST, notAllowed as PUT };
