// The two halves of an OpenID Connect sign-in as the routes call them: start (where to send the
// browser) and callback (from the provider's answer to a session, the second factor, or a reason).
import type { RequestMeta } from "../audit/audit.ts";
import { getConfig } from "../config.ts";
import { safeReturnPath } from "../http/return-url.ts";
import { resolveExternalUser } from "./identities.ts";
import { finishOidcSignIn, SsoError, startOidcSignIn } from "./oidc.ts";
import { getSsoConfig, isOidcUsable } from "./settings.ts";
import { auditSsoFailure, finishExternalSignIn, type SsoOutcome } from "./sign-in.ts";

/** The public origin for redirect URIs: APP_URL when set, else the request's. */
export const publicOrigin = (requestUrl: string) => getConfig().appUrl ?? new URL(requestUrl).origin;

export async function beginOidc(requestUrl: string, callbackUrl: string | null) {
  const { oidc } = await getSsoConfig();
  if (!isOidcUsable(oidc)) throw new SsoError("not_configured", "Single sign-on is not set up.");
  return startOidcSignIn(oidc, publicOrigin(requestUrl), safeReturnPath(callbackUrl));
}

export type CallbackOutcome = SsoOutcome & { callbackUrl: string };

export async function completeOidc(
  callback: URL,
  sealedTx: string | null | undefined,
  meta: RequestMeta,
): Promise<CallbackOutcome> {
  const { oidc } = await getSsoConfig();
  try {
    if (!isOidcUsable(oidc)) throw new SsoError("not_configured", "Single sign-on is not set up.");
    const result = await finishOidcSignIn(oidc, callback, sealedTx);
    const resolved = await resolveExternalUser(result.profile, oidc, meta);
    const outcome = await finishExternalSignIn(resolved, "oidc", meta, {
      idToken: result.idToken,
      providerMfa: oidc.providerMfa,
    });
    return { ...outcome, callbackUrl: result.callbackUrl };
  } catch (e) {
    if (!(e instanceof SsoError)) throw e;
    await auditSsoFailure("oidc", e.reason, null, meta, e.details);
    return { kind: "failed", reason: e.reason, callbackUrl: "/" };
  }
}
