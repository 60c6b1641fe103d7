import { requestMeta } from "@/lib/audit/audit.ts";
import { regenerateRecoveryCodes } from "@/lib/auth/mfa.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

export const POST = apiRoute(
  async ({ req, actor }) => regenerateRecoveryCodes(actor, await readJson(req), requestMeta(req.headers)),
  { scope: "browser" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
