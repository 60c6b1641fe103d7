import { requestMeta } from "@/lib/audit/audit.ts";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

export const GET = apiRoute(async ({ actor }) => ({ apiKeys: await listApiKeys(actor) }), { scope: "account" });

export const POST = apiRoute(async ({ req, actor }) => createApiKey(actor, await readJson(req), requestMeta(req.headers)), {
  scope: "browser",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
