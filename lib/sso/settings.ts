// Company sign-in settings: OpenID Connect, LDAP / Active Directory, and the password policy.
// Each section is one JSON row in `system_settings` (`sso_oidc`, `sso_ldap`, `sso_policy`), read at
// request time like every other setting; the OIDC client secret and the LDAP bind password are
// sealed inside it (secret-box) and never sent back. Environment variables (lib/config.ts) override,
// and lock, the connection fields, the way Mattermost's do.
import { z } from "zod";
import { openSecret, sealSecret } from "../auth/secret-box.ts";
import { getConfig } from "../config.ts";
import { getDb, Prisma } from "../db/client.ts";
import { rows, run } from "../db/direct.ts";

const DOMAIN = /^(?=.{1,191}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*$/;

/** "Directory group → WarmDesk group": members of `external` are kept members of the group. */
export const ZGroupMapping = z
  .object({
    external: z.string().trim().min(1).max(500),
    groupId: z.number().int().positive().max(2_147_483_647),
  })
  .strict();
export type GroupMapping = z.infer<typeof ZGroupMapping>;

/** Who may come in through a provider, and what happens to their groups (shared by OIDC and LDAP). */
const accountPolicy = {
  /** Create an account at the first sign-in of someone unknown (Grafana's allow_sign_up). */
  allowSignUp: z.boolean(),
  /** Only emails of these domains may sign in through the provider; empty: any. */
  allowedDomains: z.array(z.string().trim().toLowerCase().regex(DOMAIN, "a domain like example.com")).max(50),
  /** Sign in to an existing account with the same (verified) email, linking the identity to it. */
  allowLinking: z.boolean(),
  /** Only members of one of these directory groups may sign in; empty: anyone. */
  requiredGroups: z.array(z.string().trim().min(1).max(500)).max(50),
  groupMappings: z.array(ZGroupMapping).max(200),
};

const URL_OR_EMPTY = z.union([
  z.literal(""),
  z
    .string()
    .trim()
    .max(191)
    .url()
    .regex(/^https?:\/\//, "an http(s) URL"),
]);

export const ZOidcSettings = z
  .object({
    enabled: z.boolean(),
    issuer: URL_OR_EMPTY,
    clientId: z.string().trim().max(191),
    scopes: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .regex(/(^|\s)openid(\s|$)/, "must include openid"),
    /** The sign-in button's text; empty: "Sign in with SSO" in the reader's language. */
    buttonLabel: z.string().trim().max(64),
    /** The ID token or userinfo claim that lists the user's groups (Keycloak, Authentik: `groups`). */
    groupsClaim: z.string().trim().max(191),
    /** The provider enforces a second factor: WarmDesk's own TOTP is not asked after it. */
    providerMfa: z.boolean(),
    ...accountPolicy,
  })
  .strict();

export const ZLdapSettings = z
  .object({
    enabled: z.boolean(),
    url: z.union([
      z.literal(""),
      z
        .string()
        .trim()
        .max(191)
        .regex(/^ldaps?:\/\/[^\s/]+\/?$/, "ldap://host:port or ldaps://host:port"),
    ]),
    /** Upgrade an ldap:// connection with StartTLS before binding. */
    startTls: z.boolean(),
    /** PEM certificate(s) the server's certificate must chain to (empty: the system's CAs). */
    caCert: z.string().trim().max(20_000),
    bindDn: z.string().trim().max(500),
    baseDn: z.string().trim().max(500),
    /** `{username}` is replaced by what the user typed, escaped (RFC 4515). */
    userFilter: z.string().trim().min(3).max(1000).includes("{username}", { message: "must contain {username}" }),
    usernameAttribute: z.string().trim().min(1).max(64),
    emailAttribute: z.string().trim().min(1).max(64),
    nameAttribute: z.string().trim().max(64),
    /** A stable unique id (OpenLDAP: entryUUID, Active Directory: objectGUID); empty: the DN. */
    idAttribute: z.string().trim().max(64),
    /** An attribute of the user listing group DNs (Active Directory: memberOf); empty: search groups. */
    memberOfAttribute: z.string().trim().max(64),
    groupBaseDn: z.string().trim().max(500),
    /** `{dn}` and `{username}` are replaced, escaped. Empty: no group search. */
    groupFilter: z.string().trim().max(1000),
    groupNameAttribute: z.string().trim().max(64),
    ...accountPolicy,
  })
  .strict();

export const ZSsoPolicy = z
  .object({
    /** false: "SSO only": local passwords are refused, except the break-glass administrator's. */
    passwordSignIn: z.boolean(),
    /** The local administrator who may still sign in with a password when passwordSignIn is off. */
    breakGlassUsername: z.string().trim().max(191),
  })
  .strict();

export type OidcSettings = z.infer<typeof ZOidcSettings>;
export type LdapSettings = z.infer<typeof ZLdapSettings>;
export type SsoPolicy = z.infer<typeof ZSsoPolicy>;

/** What the sign-in code uses: the settings with secrets in clear and the environment applied. */
export type OidcConfig = OidcSettings & { clientSecret: string; locked: string[] };
export type LdapConfig = LdapSettings & { bindPassword: string; locked: string[] };

const DEFAULT_POLICY = { allowSignUp: true, allowedDomains: [], allowLinking: false, requiredGroups: [], groupMappings: [] };

export const DEFAULT_OIDC: OidcSettings = {
  enabled: false,
  issuer: "",
  clientId: "",
  scopes: "openid profile email",
  buttonLabel: "",
  groupsClaim: "groups",
  providerMfa: false,
  ...DEFAULT_POLICY,
};

export const DEFAULT_LDAP: LdapSettings = {
  enabled: false,
  url: "",
  startTls: false,
  caCert: "",
  bindDn: "",
  baseDn: "",
  userFilter: "(&(objectClass=inetOrgPerson)(|(uid={username})(mail={username})))",
  usernameAttribute: "uid",
  emailAttribute: "mail",
  nameAttribute: "cn",
  idAttribute: "entryUUID",
  memberOfAttribute: "",
  groupBaseDn: "",
  groupFilter: "(&(objectClass=groupOfNames)(member={dn}))",
  groupNameAttribute: "cn",
  ...DEFAULT_POLICY,
};

export const DEFAULT_POLICY_SETTINGS: SsoPolicy = { passwordSignIn: true, breakGlassUsername: "" };

export const SSO_KEYS = { oidc: "sso_oidc", ldap: "sso_ldap", policy: "sso_policy" } as const;

/** A section as stored: the settings plus the sealed secret. */
type Stored<T> = T & { secret?: string };

async function readRows(): Promise<Record<string, unknown>> {
  // Every sign-in attempt and sign-in page reads this: plain SQL on the driver (lib/db/direct.ts).
  const found = await run(() =>
    rows<{ key: string; value: string }>(
      Prisma.sql`SELECT s.key, s.value FROM system_settings s WHERE s.key IN (${Prisma.join(Object.values(SSO_KEYS))})`,
    ),
  );
  const out: Record<string, unknown> = {};
  for (const row of found) {
    try {
      out[row.key] = JSON.parse(row.value);
    } catch {
      // A damaged row falls back to the defaults (sign-in through it stays off) rather than breaking pages.
    }
  }
  return out;
}

/** The stored section over its defaults, field by field: a field that no longer parses keeps its default. */
function section<S extends z.ZodObject>(schema: S, defaults: z.infer<S>, raw: unknown): Stored<z.infer<S>> {
  const out: Record<string, unknown> = { ...defaults };
  if (raw && typeof raw === "object") {
    for (const [key, value] of Object.entries(raw)) {
      if (key === "secret" && typeof value === "string") out.secret = value;
      const field = schema.shape[key] as z.ZodType | undefined;
      const parsed = field?.safeParse(value);
      if (parsed?.success) out[key] = parsed.data;
    }
  }
  return out as Stored<z.infer<S>>;
}

const openSealed = (sealed: string | undefined) => (sealed ? (openSecret("sso", sealed) ?? "") : "");

function applyOidcEnv(stored: Stored<OidcSettings>): OidcConfig {
  const { secret, ...settings } = stored;
  const env = getConfig().ssoEnv.oidc;
  const config: OidcConfig = { ...settings, clientSecret: openSealed(secret), ...env, locked: Object.keys(env) };
  // An issuer and client id from the environment turn the provider on.
  if (env.issuer && env.clientId) config.enabled = true;
  if (env.issuer && env.clientId) config.locked.push("enabled");
  return config;
}

function applyLdapEnv(stored: Stored<LdapSettings>): LdapConfig {
  const { secret, ...settings } = stored;
  const env = getConfig().ssoEnv.ldap;
  const config: LdapConfig = { ...settings, bindPassword: openSealed(secret), ...env, locked: Object.keys(env) };
  if (env.url && env.baseDn) {
    config.enabled = true;
    config.locked.push("enabled");
  }
  return config;
}

export type SsoConfig = { oidc: OidcConfig; ldap: LdapConfig; policy: SsoPolicy };

/** All three sections, read now (one query). */
export async function getSsoConfig(): Promise<SsoConfig> {
  const raw = await readRows();
  return {
    oidc: applyOidcEnv(section(ZOidcSettings, DEFAULT_OIDC, raw[SSO_KEYS.oidc])),
    ldap: applyLdapEnv(section(ZLdapSettings, DEFAULT_LDAP, raw[SSO_KEYS.ldap])),
    policy: section(ZSsoPolicy, DEFAULT_POLICY_SETTINGS, raw[SSO_KEYS.policy]),
  };
}

/** Is the provider configured enough to be offered? */
export const isOidcUsable = (c: OidcConfig) => c.enabled && c.issuer !== "" && c.clientId !== "";
export const isLdapUsable = (c: LdapConfig) => c.enabled && c.url !== "" && c.baseDn !== "";

/** What the sign-in page needs, for anyone (no secrets, no addresses). */
export async function signInOptions() {
  const { oidc, ldap, policy } = await getSsoConfig();
  return {
    oidc: isOidcUsable(oidc) ? { buttonLabel: oidc.buttonLabel } : null,
    ldap: isLdapUsable(ldap),
    passwordSignIn: policy.passwordSignIn,
  };
}

/** Writes sections (already validated); `secrets` holds a new secret in clear, null to clear it, undefined to keep it. */
export async function writeSsoSections(
  sections: { oidc?: OidcSettings; ldap?: LdapSettings; policy?: SsoPolicy },
  secrets: { oidc?: string | null; ldap?: string | null },
): Promise<void> {
  const raw = await readRows();
  const db = getDb();
  await db.$transaction(async (tx) => {
    for (const name of ["oidc", "ldap", "policy"] as const) {
      const value = sections[name];
      if (!value) continue;
      const stored: Record<string, unknown> = { ...value };
      if (name !== "policy") {
        const previous = (raw[SSO_KEYS[name]] as { secret?: unknown } | undefined)?.secret;
        const next = secrets[name];
        if (next) stored.secret = sealSecret("sso", next);
        else if (next === undefined && typeof previous === "string") stored.secret = previous;
      }
      const key = SSO_KEYS[name];
      const text = JSON.stringify(stored);
      await tx.systemSetting.upsert({ where: { key }, create: { key, value: text }, update: { value: text } });
    }
  });
}

/** Settings without their secret, for the form. */
export function withoutSecrets(config: SsoConfig) {
  const { clientSecret, ...oidc } = config.oidc;
  const { bindPassword, ...ldap } = config.ldap;
  return {
    oidc: { ...oidc, clientSecretSet: clientSecret !== "" },
    ldap: { ...ldap, bindPasswordSet: bindPassword !== "" },
    policy: config.policy,
  };
}
