import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { testLdapSettings } from "@/lib/sso/admin.ts";

export const POST = apiRoute(async ({ actor, req }) => testLdapSettings(actor, await readJson(req)), { scope: "admin" });

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
