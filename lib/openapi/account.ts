// OpenAPI paths and schemas of the account endpoints: the signed-in user's password and
// two-factor authentication (TOTP, RFC 6238: SHA-1, 6 digits, 30 s) under /api/v1/me.
import { ZMfaCode, ZMfaProof } from "../auth/mfa.ts";
import { ZChangePassword } from "../users/password.ts";
import { ZSignUp } from "../users/signup.ts";
import { body, errors, type Json, ok, schema } from "./helpers.ts";

const BROWSER_ONLY = "Needs a signed-in browser session: with an API key it answers 403.";

const codes = {
  type: "object",
  required: ["recoveryCodes"],
  properties: { recoveryCodes: { type: "array", items: { type: "string" }, minItems: 10, maxItems: 10 } },
};

const json = (description: string, s: Json) => ({ description, content: { "application/json": { schema: s } } });

export function accountSchemas(): Json {
  return {
    ChangePassword: schema(ZChangePassword),
    SignUp: schema(ZSignUp),
    MfaCode: schema(ZMfaCode),
    MfaProof: schema(ZMfaProof),
    MfaStatus: {
      type: "object",
      required: ["enabled", "pending", "recoveryCodesLeft"],
      properties: {
        enabled: { type: "boolean" },
        pending: { type: "boolean", description: "A set-up was started and not confirmed yet" },
        recoveryCodesLeft: { type: "integer" },
      },
    },
  };
}

export function accountPaths(): Json {
  return {
    "/api/auth/sign-up": {
      post: {
        security: [],
        summary:
          "Create your own account (public) when an administrator allows sign-up; 404 while it is off (the default). A plain user in the instance's default language; 429 after too many sign-ups from one address.",
        requestBody: body("SignUp"),
        responses: {
          ...ok(201, "The new user"),
          ...errors(400, 404, 409, 413, 415),
          "429": { description: "Too many requests" },
        },
      },
    },
    "/api/v1/me/password": {
      post: {
        tags: ["account"],
        summary: "Change my password",
        description:
          "The current password must be right (400 with details.fields[currentPassword] otherwise); the new one needs at " +
          "least 10 characters and must differ. Signs out every other session; clears must_change_password. While a " +
          "password change is due, every other API call answers 403 `Change your password first`.",
        requestBody: body("ChangePassword"),
        responses: { ...ok(200, "`{ ok: true }`"), ...errors(400, 401, 413, 415) },
      },
    },
    "/api/v1/me/mfa": {
      get: {
        tags: ["account"],
        summary: "My two-factor authentication state",
        responses: { "200": json("The state", { $ref: "#/components/schemas/MfaStatus" }), ...errors(401) },
      },
      delete: {
        tags: ["account"],
        summary: "Turn two-factor authentication off",
        description: `Proof: the current password or a current code (TOTP or recovery code). 400 when wrong, 409 when it is not on. ${BROWSER_ONLY}`,
        requestBody: body("MfaProof"),
        responses: {
          "200": json("The new state", { $ref: "#/components/schemas/MfaStatus" }),
          ...errors(400, 401, 403, 409, 413, 415),
        },
      },
    },
    "/api/v1/me/mfa/setup": {
      post: {
        tags: ["account"],
        summary: "Start setting up two-factor authentication",
        description:
          "Creates a new secret (stored encrypted, not active until confirmed) and answers it in Base32 for manual entry, " +
          `the otpauth:// URI and a QR code as SVG rendered on the server. 409 when already on. ${BROWSER_ONLY}`,
        responses: {
          "200": json("The secret", {
            type: "object",
            required: ["secret", "uri", "qrSvg"],
            properties: { secret: { type: "string" }, uri: { type: "string" }, qrSvg: { type: "string" } },
          }),
          ...errors(401, 403, 409),
        },
      },
    },
    "/api/v1/me/mfa/confirm": {
      post: {
        tags: ["account"],
        summary: "Confirm the set-up with a code from the app: turns MFA on",
        description: `Answers ten recovery codes, shown only this once (stored hashed). 400 for a wrong code. ${BROWSER_ONLY}`,
        requestBody: body("MfaCode"),
        responses: { "200": json("MFA is on", codes), ...errors(400, 401, 403, 409, 413, 415) },
      },
    },
    "/api/v1/me/mfa/recovery-codes": {
      post: {
        tags: ["account"],
        summary: "Replace my recovery codes with ten new ones",
        description: `Proof: the current password or a current code. The old codes stop working. ${BROWSER_ONLY}`,
        requestBody: body("MfaProof"),
        responses: { "200": json("The new codes, shown once", codes), ...errors(400, 401, 403, 409, 413, 415) },
      },
    },
  };
}
