import { z } from "zod";
import { requestMeta } from "@/lib/audit/audit.ts";
import { readCookie } from "@/lib/auth/request.ts";
import { parseInput } from "@/lib/errors.ts";
import { jsonError, publicRoute, readJson } from "@/lib/http/handler.ts";
import { MFA_COOKIE, serializeCookie, verifySsoSecondFactor } from "@/lib/sso/sign-in.ts";

const ZCode = z.object({ code: z.string().trim().min(1).max(64) }).strict();

const MESSAGES = {
  expired: "The sign-in has expired. Sign in again.",
  invalid: "That code is not valid.",
  locked: "Too many failed attempts. Try again later.",
} as const;

/** The second step after a single sign-on, for users with WarmDesk's own two-factor sign-in. */
export const POST = publicRoute(async ({ req }) => {
  const { code } = parseInput(ZCode, await readJson(req));
  const result = await verifySsoSecondFactor(readCookie(req.headers.get("cookie"), MFA_COOKIE), code, requestMeta(req.headers));
  if (!result.ok) return jsonError(result.reason === "invalid" ? 400 : 401, `mfa_${result.reason}`, MESSAGES[result.reason]);
  const headers = new Headers({ "cache-control": "no-store" });
  headers.append("set-cookie", serializeCookie({ name: MFA_COOKIE, value: "", maxAge: 0, path: "/" }));
  headers.append("set-cookie", serializeCookie(result.cookie));
  return Response.json({ ok: true }, { headers });
});
