import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { readSsoSettings, updateSsoSettings } from "@/lib/sso/admin.ts";

export const GET = apiRoute(async ({ req, actor }) => readSsoSettings(actor, req.url), { scope: "admin" });

export const PATCH = apiRoute(
  async ({ req, actor }) => updateSsoSettings(actor, await readJson(req), req.url, requestMeta(req.headers)),
  { scope: "admin" },
);

const notAllowed = methodNotAllowed("GET, PATCH");

export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE };
