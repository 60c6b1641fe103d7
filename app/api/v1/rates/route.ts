import { requestMeta } from "@/lib/audit/audit.ts";
import { createRate, listRates } from "@/lib/billing/rates.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { queryObject } from "@/lib/time/entries.ts";

export const GET = apiRoute(async ({ req, actor }) => listRates(actor, queryObject(new URL(req.url))), { scope: "account" });

export const POST = apiRoute(async ({ req, actor }) => createRate(actor, await readJson(req), requestMeta(req.headers)), {
  scope: "account",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
