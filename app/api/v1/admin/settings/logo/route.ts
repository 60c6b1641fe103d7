import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { removeLogo, uploadLogo } from "@/lib/settings/logo.ts";

export const POST = apiRoute(async ({ req, actor }) => uploadLogo(actor, req, requestMeta(req.headers)), { scope: "admin" });

export const DELETE = apiRoute(async ({ req, actor }) => removeLogo(actor, requestMeta(req.headers)), { scope: "admin" });

const notAllowed = methodNotAllowed("POST, DELETE");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH };
