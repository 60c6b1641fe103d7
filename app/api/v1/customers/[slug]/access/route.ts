import { listCustomerAccess } from "@/lib/customers/customers.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

export const GET = apiRoute<{ slug: string }>(async ({ params, actor }) => listCustomerAccess(actor, params.slug), {
  scope: "account",
});

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
