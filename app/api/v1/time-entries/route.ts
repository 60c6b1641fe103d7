import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { createEntry, listEntries, queryObject } from "@/lib/time/entries.ts";

export const GET = apiRoute(async ({ req, actor }) => listEntries(actor, queryObject(new URL(req.url))), { scope: "project" });

export const POST = apiRoute(async ({ req, actor }) => createEntry(actor, await readJson(req), requestMeta(req.headers)), {
  scope: "project",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
