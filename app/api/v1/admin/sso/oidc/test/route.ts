import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { testOidcSettings } from "@/lib/sso/admin.ts";

export const POST = apiRoute(async ({ req, actor }) => testOidcSettings(actor, await readJson(req), req.url), { scope: "admin" });

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
