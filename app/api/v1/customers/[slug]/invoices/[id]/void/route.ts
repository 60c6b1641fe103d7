import { requestMeta } from "@/lib/audit/audit.ts";
import { voidInvoice } from "@/lib/billing/invoices.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { slug: string; id: string };

/** Administrators: the export's entries are no longer invoiced (unlocked). */
export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => voidInvoice(actor, params.slug, params.id, requestMeta(req.headers)),
  { scope: "account" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
