import { requestMeta } from "@/lib/audit/audit.ts";
import { createCustomer, listCustomers } from "@/lib/customers/customers.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

export const GET = apiRoute(
  async ({ req, actor }) => listCustomers(actor, { includeArchived: new URL(req.url).searchParams.get("archived") === "1" }),
  { scope: "account" },
);

export const POST = apiRoute(async ({ req, actor }) => createCustomer(actor, await readJson(req), requestMeta(req.headers)), {
  scope: "account",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
