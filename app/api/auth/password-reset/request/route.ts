import { requestMeta } from "@/lib/audit/audit.ts";
import { linkOrigin, requestPasswordReset } from "@/lib/auth/password-reset.ts";
import { methodNotAllowed, publicRoute, readJson } from "@/lib/http/handler.ts";

// 202 whether or not the address has an account: the answer must not tell.
export const POST = publicRoute(
  async ({ req }) => requestPasswordReset(await readJson(req), { origin: linkOrigin(req.url), meta: requestMeta(req.headers) }),
  { status: 202 },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
