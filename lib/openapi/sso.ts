// OpenAPI paths and schemas of company sign-in: the settings (system admins), their connection
// tests, and the browser's single sign-on endpoints.
import { ZLdapTest, ZOidcTest, ZSsoUpdate } from "../sso/admin.ts";
import { body, errors, type Json, ok, schema } from "./helpers.ts";

const admin = errors(401, 404);

export function ssoSchemas(): Json {
  return { SsoUpdate: schema(ZSsoUpdate), OidcTest: schema(ZOidcTest), LdapTest: schema(ZLdapTest) };
}

export function ssoPaths(): Json {
  return {
    "/api/v1/admin/sso": {
      get: {
        summary:
          "Company sign-in settings (system admins): `oidc`, `ldap`, `policy`, plus `redirectUri` and `postLogoutRedirectUri` to register at the provider. Secrets are never returned (`clientSecretSet`, `bindPasswordSet`); `locked` lists fields set by environment variables.",
        responses: { ...ok(200, "The settings"), ...admin },
      },
      patch: {
        summary:
          'Change company sign-in (system admins). An enabled OpenID provider is checked first (discovery, issuer, client secret), an enabled directory too (TLS, service bind, base DN, filters); a failing check answers 400 with the reason and stores nothing. Password sign-in can be turned off only while a provider is on and `breakGlassUsername` names an active administrator with a local password. Secrets: a string sets, null or "" clears, leaving out keeps.',
        requestBody: body("SsoUpdate"),
        responses: { ...ok(200, "`{ settings, warnings }`"), ...errors(400, 401, 404, 413, 415) },
      },
    },
    "/api/v1/admin/sso/oidc/test": {
      post: {
        summary: "Check the OpenID provider with the stored settings, or the unsaved ones given (system admins).",
        requestBody: body("OidcTest"),
        responses: { ...ok(200, "`{ ok, problem, warnings, details }`"), ...errors(400, 401, 404, 415) },
      },
    },
    "/api/v1/admin/sso/ldap/test": {
      post: {
        summary:
          "Check the directory (system admins) and show what it finds for `username`: DN, id, username, email, name, groups, the WarmDesk groups they map to, and whether the user may sign in.",
        requestBody: body("LdapTest"),
        responses: { ...ok(200, "`{ ok, problem, warnings, user, mappedGroups, allowed }`"), ...errors(400, 401, 404, 415) },
      },
    },
    "/api/auth/sso/oidc": {
      get: {
        security: [],
        summary:
          "Browser: start an OpenID Connect sign-in (302 to the provider, with PKCE, state and nonce). Query `callbackUrl`: a path on this site.",
        responses: { 302: { description: "To the provider, or to /sign-in?sso_error=<reason>" } },
      },
    },
    "/api/auth/sso/oidc/callback": {
      get: {
        security: [],
        summary: "Browser: the provider's redirect back. Registered at the provider as the redirect URI.",
        responses: {
          302: { description: "To the page the sign-in started from, the second-factor step, or /sign-in?sso_error=<reason>" },
        },
      },
    },
    "/api/auth/sso/mfa": {
      post: {
        security: [],
        summary: "Browser: WarmDesk's second factor after a single sign-on, `{ code }` (TOTP or a recovery code).",
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { type: "object", required: ["code"], properties: { code: { type: "string" } } } },
          },
        },
        responses: { ...ok(200, "`{ ok: true }` and the session cookie"), ...errors(400, 401, 415) },
      },
    },
    "/api/auth/sso/end-session": {
      get: {
        security: [],
        summary:
          "Browser: where to go after signing out to end the OpenID provider's session too (RP-initiated logout), or `{ url: null }`.",
        responses: { ...ok(200, "`{ url }`") },
      },
    },
  };
}
