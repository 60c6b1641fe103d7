import { requestMeta } from "@/lib/audit/audit.ts";
import { setCustomerArchived } from "@/lib/customers/customers.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

export const POST = apiRoute<{ slug: string }>(
  async ({ req, params, actor }) => setCustomerArchived(actor, params.slug, false, requestMeta(req.headers)),
  { scope: "account" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
