// Secrets the server must read back (TOTP secrets, the SMTP password, webhook secrets, the OpenID
// Connect client secret and LDAP bind password, the sign-in state of an SSO round trip) are stored
// encrypted with AES-256-GCM under a key derived from the server secret, one key per purpose.
// Format: `v1.<iv>.<tag>.<ciphertext>`, each part base64url.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getConfig } from "../config.ts";
import { deriveKey } from "./tokens.ts";

export type SecretPurpose = "totp" | "smtp" | "webhook" | "sso";

const keyFor = (purpose: SecretPurpose) => deriveKey(getConfig().authSecret, `secret-box:${purpose}`);

export function sealSecret(purpose: SecretPurpose, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The plain text, or null when the box was not sealed with this server's secret or was altered. */
export function openSecret(purpose: SecretPurpose, sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
