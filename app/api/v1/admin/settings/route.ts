import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { readSettings, updateSettings } from "@/lib/settings/settings.ts";

export const GET = apiRoute(async ({ actor }) => readSettings(actor), { scope: "admin" });

export const PATCH = apiRoute(async ({ req, actor }) => updateSettings(actor, await readJson(req), requestMeta(req.headers)), {
  scope: "admin",
});

const notAllowed = methodNotAllowed("GET, PATCH");

export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE };
