// OpenID Connect sign-in through openid-client: discovery from the issuer's well-known document,
// the authorization code flow with PKCE (S256), `state` and `nonce`; the library validates the ID
// token (signature against the provider's JWKS, issuer, audience, expiry, nonce). WarmDesk never
// parses a JWT itself.
//
// The round trip's secrets (state, nonce, PKCE verifier, where to go afterwards) travel in a short-
// lived cookie sealed with secret-box, so any instance can finish a sign-in another one started, and
// a callback without that cookie (another browser, a replay after the cookie was spent) is refused.
import * as client from "openid-client";
import { openSecret, sealSecret } from "../auth/secret-box.ts";
import { sha256 } from "../auth/tokens.ts";
import type { ExternalProfile } from "./identities.ts";
import type { OidcConfig } from "./settings.ts";

/** Why an SSO sign-in failed: the code is shown to the user (translated) and audited. */
export class SsoError extends Error {
  constructor(
    readonly reason: SsoFailure,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "SsoError";
  }
}

export type SsoFailure =
  | "not_configured"
  | "unavailable"
  | "state"
  | "provider"
  | "exchange"
  | "token"
  | "claims"
  | "group_not_allowed"
  | "domain_not_allowed"
  | "sign_up_disabled"
  | "email_taken"
  | "disabled"
  | "locked";

export const TRANSACTION_COOKIE = "warmdesk.sso";
export const TRANSACTION_MAX_AGE_S = 600;
const HTTP_TIMEOUT_S = 10;
const DISCOVERY_TTL_MS = 10 * 60_000;

export const callbackPath = "/api/auth/sso/oidc/callback";

type CacheEntry = { at: number; config: Promise<client.Configuration> };
const discoveries = new Map<string, CacheEntry>();

const cacheKey = (c: OidcConfig) => `${c.issuer}\n${c.clientId}\n${sha256(c.clientSecret)}`;

async function discover(c: OidcConfig): Promise<client.Configuration> {
  const issuer = new URL(c.issuer);
  const insecure = issuer.protocol === "http:";
  const config = await client.discovery(
    issuer,
    c.clientId,
    c.clientSecret || undefined,
    c.clientSecret ? client.ClientSecretBasic(c.clientSecret) : client.None(),
    // Plain http only when the administrator configured an http issuer (a provider on the same host
    // or network); the save-time check warns about it.
    { timeout: HTTP_TIMEOUT_S, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) },
  );
  config.timeout = HTTP_TIMEOUT_S;
  // By default the library trusts the TLS channel for an ID token from the token endpoint (OIDC Core
  // §3.1.3.7 allows it); WarmDesk also verifies its signature against the provider's JWKS, so that
  // neither a plain-http provider nor a broken TLS setup lets a forged token through.
  client.enableNonRepudiationChecks(config);
  return config;
}

/** The provider's configuration, discovered at most every 10 minutes per process (failures are not kept). */
export async function oidcClient(c: OidcConfig, options: { fresh?: boolean } = {}): Promise<client.Configuration> {
  const key = cacheKey(c);
  const hit = discoveries.get(key);
  if (hit && !options.fresh && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const entry: CacheEntry = { at: Date.now(), config: discover(c) };
  discoveries.set(key, entry);
  try {
    return await entry.config;
  } catch (e) {
    if (discoveries.get(key) === entry) discoveries.delete(key);
    throw new SsoError("unavailable", `The identity provider could not be reached: ${explain(e)}`, { error: errorCode(e) });
  }
}

type Transaction = { state: string; nonce: string; verifier: string; redirectUri: string; callbackUrl: string; exp: number };

/** The provider's authorization URL and the sealed cookie value that must come back with the callback. */
export async function startOidcSignIn(c: OidcConfig, origin: string, callbackUrl: string) {
  const config = await oidcClient(c);
  const verifier = client.randomPKCECodeVerifier();
  const tx: Transaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier,
    redirectUri: `${origin}${callbackPath}`,
    callbackUrl,
    exp: Date.now() + TRANSACTION_MAX_AGE_S * 1000,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: tx.redirectUri,
    scope: c.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: tx.state,
    nonce: tx.nonce,
  });
  return { url, cookie: sealSecret("sso", JSON.stringify(tx)) };
}

/** The round trip's state from its cookie, or null when missing, altered or expired. */
export function openTransaction(sealed: string | null | undefined): Transaction | null {
  if (!sealed) return null;
  const plain = openSecret("sso", sealed);
  if (!plain) return null;
  try {
    const tx = JSON.parse(plain) as Transaction;
    return typeof tx.state === "string" && tx.exp > Date.now() ? tx : null;
  } catch {
    return null;
  }
}

export type OidcResult = { profile: ExternalProfile; idToken: string | null; callbackUrl: string };

/**
 * Finishes the round trip: checks `state` against the cookie, exchanges the code (PKCE), validates
 * the ID token and its nonce, and reads the claims (the ID token's, completed by userinfo).
 */
export async function finishOidcSignIn(c: OidcConfig, callback: URL, sealedTx: string | null | undefined): Promise<OidcResult> {
  const tx = openTransaction(sealedTx);
  if (!tx) throw new SsoError("state", "The sign-in took too long or was started in another browser. Please try again.");
  // openid-client checks `state` too; checked here first so that the answer names the cause.
  if (callback.searchParams.get("state") !== tx.state) {
    throw new SsoError("state", "The sign-in answer does not belong to this browser's sign-in. Please try again.");
  }
  // The callback must come back to the address the round trip was started for.
  const current = new URL(`${tx.redirectUri}${callback.search}`);
  const config = await oidcClient(c);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: tx.verifier,
      expectedState: tx.state,
      expectedNonce: tx.nonce,
      idTokenExpected: true,
    });
  } catch (e) {
    throw classify(e);
  }
  const claims = tokens.claims();
  if (!claims) throw new SsoError("token", "The identity provider sent no ID token.");
  let info: Record<string, unknown> = {};
  if (tokens.access_token && config.serverMetadata().userinfo_endpoint) {
    try {
      info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    } catch {
      // Userinfo only completes the ID token's claims; without it the ID token's are used.
    }
  }
  const merged: Record<string, unknown> = { ...info, ...claims };
  // Providers put groups in one or the other (Keycloak: both; Authentik: userinfo unless mapped).
  const groups = c.groupsClaim ? (claims[c.groupsClaim] ?? info[c.groupsClaim]) : undefined;
  return {
    profile: profileFromClaims(claims.iss, claims.sub, merged, groups),
    idToken: tokens.id_token ?? null,
    callbackUrl: tx.callbackUrl,
  };
}

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

function profileFromClaims(issuer: string, subject: string, claims: Record<string, unknown>, groups: unknown): ExternalProfile {
  const email = str(claims.email)?.toLowerCase() ?? null;
  // Linking to an existing account needs the provider to say the email is verified; providers that
  // never send email_verified (Entra ID) therefore create or find accounts by subject only.
  const verified = claims.email_verified === true || claims.email_verified === "true";
  return {
    provider: "oidc",
    issuer,
    subject,
    email,
    emailVerified: verified,
    username: str(claims.preferred_username) ?? str(claims.nickname),
    displayName: str(claims.name) ?? ([str(claims.given_name), str(claims.family_name)].filter(Boolean).join(" ") || null),
    groups: toGroupList(groups),
  };
}

/** A groups claim as a list of strings: an array, one string, or a comma-separated string. */
function toGroupList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  return list
    .filter((g): g is string | number => typeof g === "string" || typeof g === "number")
    .map((g) => String(g).trim())
    .filter(Boolean)
    .slice(0, 1000);
}

function errorCode(e: unknown): string | null {
  const err = e as { code?: unknown; error?: unknown; cause?: { code?: unknown } };
  if (typeof err.error === "string") return err.error;
  // A 401 with a WWW-Authenticate challenge (invalid_client) carries its error there.
  if (e instanceof client.WWWAuthenticateChallengeError) {
    const error = e.cause.find((c) => c.parameters.error)?.parameters.error;
    if (error) return error;
  }
  if (typeof err.code === "string") return err.code;
  if (typeof err.cause?.code === "string") return err.cause.code;
  return null;
}

function explain(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  if (err.cause?.code === "ECONNREFUSED") return "connection refused";
  if (err.cause?.code === "ENOTFOUND") return "unknown host";
  if ((e as Error)?.name === "TimeoutError" || (e as Error)?.name === "AbortError") return "no answer in time";
  return err.cause?.message ?? err.message ?? String(e);
}

function classify(e: unknown): SsoError {
  const details = { error: errorCode(e), message: (e as Error)?.message?.slice(0, 300) ?? null };
  if (e instanceof client.AuthorizationResponseError) {
    return new SsoError("provider", `The identity provider refused the sign-in (${e.error}).`, details);
  }
  if (e instanceof client.ResponseBodyError) {
    return new SsoError("exchange", `The identity provider refused the sign-in code (${e.error}).`, details);
  }
  const code = errorCode(e);
  if (code === "OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED" && /state/i.test(details.message ?? "")) {
    return new SsoError("state", "The sign-in answer does not belong to this browser's sign-in. Please try again.", details);
  }
  if (e instanceof TypeError || (e as Error)?.name === "TimeoutError") {
    return new SsoError("unavailable", `The identity provider could not be reached: ${explain(e)}`, details);
  }
  return new SsoError("token", "The identity provider's answer could not be verified.", details);
}

/** Where to send the browser to end the provider's session too (RP-initiated logout), when it offers that. */
export async function oidcEndSessionUrl(c: OidcConfig, idToken: string, postLogoutRedirect: string): Promise<string | null> {
  try {
    const config = await oidcClient(c);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirect, client_id: c.clientId })
      .toString();
  } catch {
    // The WarmDesk session is over either way.
    return null;
  }
}

export type ConnectionCheck = { ok: boolean; problem: string | null; warnings: string[]; details: Record<string, unknown> };

/**
 * What the administrator sees at save time: discovery must work, and the client id and secret must be
 * accepted by the token endpoint. Client authentication comes before the code is looked at (RFC 6749
 * §5.2), so a made-up code answers `invalid_grant` for a right secret and `invalid_client` for a wrong one.
 */
export async function checkOidc(c: OidcConfig, origin: string): Promise<ConnectionCheck> {
  const warnings: string[] = [];
  if (!c.issuer || !c.clientId) return { ok: false, problem: "Enter the issuer URL and the client ID.", warnings, details: {} };
  if (c.issuer.startsWith("http:"))
    warnings.push("The issuer uses http: tokens travel unencrypted. Use https outside a test setup.");
  let config: client.Configuration;
  try {
    config = await oidcClient(c, { fresh: true });
  } catch (e) {
    const message = (e as Error).message;
    return {
      ok: false,
      problem: `Discovery failed at ${c.issuer}/.well-known/openid-configuration: ${message}`,
      warnings,
      details: {},
    };
  }
  const meta = config.serverMetadata();
  const details = {
    issuer: meta.issuer,
    authorizationEndpoint: meta.authorization_endpoint ?? null,
    endSession: Boolean(meta.end_session_endpoint),
    redirectUri: `${origin}${callbackPath}`,
  };
  if (!meta.code_challenge_methods_supported?.includes("S256")) {
    warnings.push("The provider does not advertise PKCE (S256); WarmDesk sends it anyway.");
  }
  try {
    await client.genericGrantRequest(config, "authorization_code", {
      code: "warmdesk-connection-check",
      redirect_uri: details.redirectUri,
      code_verifier: client.randomPKCECodeVerifier(),
    });
  } catch (e) {
    const error = errorCode(e);
    if (error === "invalid_client" || error === "unauthorized_client") {
      return { ok: false, problem: "The provider refused the client ID or client secret (invalid_client).", warnings, details };
    }
    if (error !== "invalid_grant" && error !== "invalid_request") {
      warnings.push(`The token endpoint answered ${error ?? explain(e)}; check the client's settings at the provider.`);
    }
  }
  return { ok: true, problem: null, warnings, details };
}

/** For tests: forget discovered providers. */
export function clearOidcCache(): void {
  discoveries.clear();
}
