// Administration → Settings → Sign-in: read, change (checked against the real provider and
// directory before anything is stored) and test the company sign-in settings. System admins only.
//
// What keeps a bad change from locking everyone out: an OpenID provider whose discovery or client
// secret fails, or a directory that cannot be bound or searched, is refused with the reason and the
// old settings stay; password sign-in can be turned off only while a provider works and a named
// break-glass administrator with a local password exists, and that administrator can always sign in
// with a password (/sign-in?local=1).
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { type Actor, requireAdmin } from "../auth/actor.ts";
import { hasUsablePassword } from "../auth/passwords.ts";
import { getDb } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { inAnyGroup } from "./identities.ts";
import { checkLdap, type LdapCheck } from "./ldap.ts";
import { type ConnectionCheck, callbackPath, checkOidc } from "./oidc.ts";
import { publicOrigin } from "./oidc-sign-in.ts";
import {
  getSsoConfig,
  type LdapConfig,
  type OidcConfig,
  type SsoConfig,
  withoutSecrets,
  writeSsoSections,
  ZLdapSettings,
  ZOidcSettings,
  ZSsoPolicy,
} from "./settings.ts";

export const ZOidcPatch = ZOidcSettings.partial()
  .extend({ clientSecret: z.string().max(500).nullish() })
  .strict();
export const ZLdapPatch = ZLdapSettings.partial()
  .extend({ bindPassword: z.string().max(500).nullish() })
  .strict();

/** Any of the three sections, each with any of its fields; a secret left out is kept, null or "" clears it. */
export const ZSsoUpdate = z
  .object({ oidc: ZOidcPatch.optional(), ldap: ZLdapPatch.optional(), policy: ZSsoPolicy.partial().strict().optional() })
  .strict();

export const ZLdapTest = z.object({ username: z.string().trim().max(191).optional(), ldap: ZLdapPatch.optional() }).strict();
export const ZOidcTest = z.object({ oidc: ZOidcPatch.optional() }).strict();

const origin = (requestUrl: string) => new URL(requestUrl).origin;

/** The settings as the form shows them: no secrets, which fields the environment sets, and the addresses to register at the provider. */
export async function readSsoSettings(actor: Actor, requestUrl: string) {
  requireAdmin(actor);
  return view(await getSsoConfig(), requestUrl);
}

function view(config: SsoConfig, requestUrl: string) {
  const base = publicOrigin(requestUrl);
  return { ...withoutSecrets(config), redirectUri: `${base}${callbackPath}`, postLogoutRedirectUri: `${base}/sign-in` };
}

/** Applies a patch to the effective settings (fields set by the environment stay as they are). */
function merged<T extends { locked: string[] }>(current: T, patch: Record<string, unknown> | undefined, secretKey: string): T {
  if (!patch) return current;
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || current.locked.includes(key)) continue;
    next[key] = key === secretKey ? (value ?? "") : value;
  }
  return next as T;
}

function invalid(section: string, problem: string): never {
  throw new AppError("validation", problem, { fields: [{ path: section, message: problem }] });
}

async function checkGroupMappings(section: string, mappings: { groupId: number }[]) {
  const ids = [...new Set(mappings.map((m) => m.groupId))];
  if (ids.length === 0) return;
  const found = await getDb().userGroup.count({ where: { id: { in: ids } } });
  if (found !== ids.length) invalid(`${section}.groupMappings`, "A group mapping names a WarmDesk group that does not exist.");
}

/** Changes the settings after checking them against the provider and the directory; answers them with the checks' warnings. */
export async function updateSsoSettings(actor: Actor, input: unknown, requestUrl: string, meta?: RequestMeta) {
  requireAdmin(actor);
  const patch = parseInput(ZSsoUpdate, input);
  const current = await getSsoConfig();
  const oidc = merged<OidcConfig>(current.oidc, patch.oidc, "clientSecret");
  const ldap = merged<LdapConfig>(current.ldap, patch.ldap, "bindPassword");
  const policy = { ...current.policy, ...patch.policy };
  const checks: { oidc?: ConnectionCheck; ldap?: LdapCheck } = {};

  if (patch.oidc) await checkGroupMappings("oidc", oidc.groupMappings);
  if (patch.ldap) await checkGroupMappings("ldap", ldap.groupMappings);
  if (patch.oidc && oidc.enabled) {
    checks.oidc = await checkOidc(oidc, origin(requestUrl));
    if (!checks.oidc.ok) invalid("oidc", `OpenID Connect: ${checks.oidc.problem}`);
  }
  if (patch.ldap && ldap.enabled) {
    checks.ldap = await checkLdap(ldap);
    if (!checks.ldap.ok) invalid("ldap", `LDAP: ${checks.ldap.problem}`);
  }
  if (!policy.passwordSignIn) {
    const oidcOn = oidc.enabled && oidc.issuer !== "" && oidc.clientId !== "";
    const ldapOn = ldap.enabled && ldap.url !== "" && ldap.baseDn !== "";
    if (!oidcOn && !ldapOn) {
      invalid("policy.passwordSignIn", "Password sign-in can only be turned off while OpenID Connect or LDAP is on.");
    }
    const admin = policy.breakGlassUsername
      ? await getDb().user.findFirst({
          where: { username: policy.breakGlassUsername, deletedAt: null },
          select: { role: true, isActive: true, passwordHash: true },
        })
      : null;
    if (admin?.role !== "admin" || !admin.isActive || !hasUsablePassword(admin.passwordHash)) {
      invalid(
        "policy.breakGlassUsername",
        "Name an active administrator with a local password as the break-glass account before turning password sign-in off.",
      );
    }
  }

  const { clientSecret: oidcSecret, ...oidcFields } = patch.oidc ?? {};
  const { bindPassword, ...ldapFields } = patch.ldap ?? {};
  const strip = <T extends { locked: string[] }>(c: T, secret: string) => {
    const { locked: _l, [secret]: _s, ...rest } = c as Record<string, unknown>;
    return rest;
  };
  await writeSsoSections(
    {
      oidc: patch.oidc ? ZOidcSettings.parse(strip(oidc, "clientSecret")) : undefined,
      ldap: patch.ldap ? ZLdapSettings.parse(strip(ldap, "bindPassword")) : undefined,
      policy: patch.policy ? ZSsoPolicy.parse(policy) : undefined,
    },
    {
      oidc: oidcSecret === undefined || current.oidc.locked.includes("clientSecret") ? undefined : oidcSecret,
      ldap: bindPassword === undefined || current.ldap.locked.includes("bindPassword") ? undefined : bindPassword,
    },
  );
  const shown: Record<string, unknown> = {};
  if (patch.oidc) shown.oidc = { ...oidcFields, ...(oidcSecret !== undefined ? { clientSecret: "(changed)" } : {}) };
  if (patch.ldap) shown.ldap = { ...ldapFields, ...(bindPassword !== undefined ? { bindPassword: "(changed)" } : {}) };
  if (patch.policy) shown.policy = patch.policy;
  await recordAudit({ actor, action: "settings.sso_updated", resourceType: "settings", details: shown, meta });
  return {
    settings: await view(await getSsoConfig(), requestUrl),
    warnings: [...(checks.oidc?.warnings ?? []), ...(checks.ldap?.warnings ?? [])],
  };
}

/** "Test connection" for the OpenID provider, with the stored settings or the form's unsaved ones. */
export async function testOidcSettings(actor: Actor, input: unknown, requestUrl: string) {
  requireAdmin(actor);
  const { oidc: patch } = parseInput(ZOidcTest, input);
  const current = await getSsoConfig();
  return checkOidc(merged<OidcConfig>(current.oidc, patch, "clientSecret"), origin(requestUrl));
}

/** "Test connection" for the directory: what it finds for a username, and which WarmDesk groups that maps to. */
export async function testLdapSettings(actor: Actor, input: unknown) {
  requireAdmin(actor);
  const { username, ldap: patch } = parseInput(ZLdapTest, input);
  const current = await getSsoConfig();
  const ldap = merged<LdapConfig>(current.ldap, patch, "bindPassword");
  const check = await checkLdap(ldap, username);
  let mappedGroups: { id: number; name: string }[] = [];
  let allowed: boolean | null = null;
  if (check.user) {
    const groups = check.user.groups;
    const ids = ldap.groupMappings.filter((m) => inAnyGroup(groups, [m.external])).map((m) => m.groupId);
    mappedGroups = await getDb().userGroup.findMany({
      where: { id: { in: ids } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    allowed = ldap.requiredGroups.length === 0 || inAnyGroup(groups, ldap.requiredGroups);
  }
  return { ...check, mappedGroups, allowed };
}
