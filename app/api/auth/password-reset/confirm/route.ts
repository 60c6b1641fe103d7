import { requestMeta } from "@/lib/audit/audit.ts";
import { confirmPasswordReset } from "@/lib/auth/password-reset.ts";
import { methodNotAllowed, publicRoute, readJson } from "@/lib/http/handler.ts";

export const POST = publicRoute(async ({ req }) => confirmPasswordReset(await readJson(req), requestMeta(req.headers)));

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
