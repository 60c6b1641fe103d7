import { requestMeta } from "@/lib/audit/audit.ts";
import { createInvoice, listInvoices } from "@/lib/billing/invoices.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => ({ invoices: await listInvoices(actor, params.slug) }), {
  scope: "account",
});

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => createInvoice(actor, params.slug, await readJson(req), requestMeta(req.headers)),
  { scope: "account", status: 201 },
);

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
