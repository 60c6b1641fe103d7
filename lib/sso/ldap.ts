// LDAP / Active Directory sign-in through ldapts: bind with the service account, find the user by
// the configured filter (what they typed is escaped per RFC 4515, so it can never change the
// filter), then bind as that entry with their password. StartTLS or ldaps:// with a configurable
// CA; certificates are always verified. Groups come from an attribute of the user (AD's memberOf)
// or from a group search.
import { Client, type Entry, Filter, FilterParser, InvalidCredentialsError } from "ldapts";
import type { ExternalProfile } from "./identities.ts";
import type { LdapConfig } from "./settings.ts";

export const LDAP_ISSUER = "ldap";
const TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 5_000;

/** The directory cannot be reached or refused the service account: nobody's fault at the sign-in form. */
export class LdapUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LdapUnavailable";
  }
}

export type LdapUser = {
  dn: string;
  subject: string;
  username: string | null;
  email: string | null;
  displayName: string | null;
  /** Group names and DNs (both, so mappings may name either). */
  groups: string[];
};

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(username|dn)\}/g, (_, key: string) => Filter.escape(values[key] ?? ""));

function tlsOptions(c: LdapConfig) {
  return { ...(c.caCert ? { ca: [c.caCert] } : {}), minVersion: "TLSv1.2" as const, rejectUnauthorized: true };
}

function explain(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err.code === "ECONNREFUSED") return "connection refused";
  if (err.code === "ENOTFOUND" || err.code === "EAI_AGAIN") return "unknown host";
  if (err.code === "ETIMEDOUT" || /timeout/i.test(err.message ?? "")) return "no answer in time";
  if (
    err.code === "DEPTH_ZERO_SELF_SIGNED_CERT" ||
    err.code === "SELF_SIGNED_CERT_IN_CHAIN" ||
    err.code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
  ) {
    return `the server's certificate is not trusted (${err.code}); add its CA certificate`;
  }
  if (err.code === "ERR_TLS_CERT_ALTNAME_INVALID") return "the server's certificate does not name this host";
  return err.message ?? String(e);
}

async function connect(c: LdapConfig): Promise<Client> {
  const client = new Client({
    url: c.url,
    timeout: TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // ldapts speaks TLS from the start whenever tlsOptions are given: only for ldaps://.
    ...(c.url.startsWith("ldaps:") ? { tlsOptions: tlsOptions(c) } : {}),
    strictDN: false,
  });
  try {
    if (c.startTls && c.url.startsWith("ldap:")) await client.startTLS(tlsOptions(c));
  } catch (e) {
    await client.unbind().catch(() => {});
    throw new LdapUnavailable(`StartTLS failed: ${explain(e)}`);
  }
  return client;
}

async function serviceBind(client: Client, c: LdapConfig): Promise<void> {
  try {
    // Without a bind DN the searches run anonymously (some directories allow it).
    if (c.bindDn) await client.bind(c.bindDn, c.bindPassword);
  } catch (e) {
    if (e instanceof InvalidCredentialsError)
      throw new LdapUnavailable("The directory refused the service account (bind DN or password).");
    throw new LdapUnavailable(`The directory could not be reached: ${explain(e)}`);
  }
}

const first = (entry: Entry, attribute: string): string | null => {
  if (!attribute) return null;
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attribute.toLowerCase());
  const value = key ? entry[key] : undefined;
  const v = Array.isArray(value) ? value[0] : value;
  if (Buffer.isBuffer(v)) return formatBinaryId(v);
  return typeof v === "string" && v.trim() ? v.trim() : null;
};

const all = (entry: Entry, attribute: string): string[] => {
  if (!attribute) return [];
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attribute.toLowerCase());
  const value = key ? entry[key] : undefined;
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String).filter(Boolean);
};

/** Active Directory's objectGUID (16 bytes, mixed-endian) in its usual text form. */
function formatBinaryId(b: Buffer): string {
  if (b.length !== 16) return b.toString("hex");
  const h = (i: number[]) => i.map((n) => b[n].toString(16).padStart(2, "0")).join("");
  return `${h([3, 2, 1, 0])}-${h([5, 4])}-${h([7, 6])}-${h([8, 9])}-${h([10, 11, 12, 13, 14, 15])}`;
}

/** The first RDN's value: `cn=devs,ou=groups,dc=example` → `devs`. */
const rdnValue = (dn: string) => /^[^=]+=((?:\\.|[^,])+)/.exec(dn)?.[1]?.replace(/\\(.)/g, "$1") ?? dn;

async function findUser(client: Client, c: LdapConfig, username: string): Promise<LdapUser | null> {
  const attributes = [c.usernameAttribute, c.emailAttribute, c.nameAttribute, c.idAttribute, c.memberOfAttribute].filter(Boolean);
  const binary = c.idAttribute.toLowerCase() === "objectguid" ? [c.idAttribute] : [];
  let entries: Entry[];
  try {
    ({ searchEntries: entries } = await client.search(c.baseDn, {
      scope: "sub",
      filter: fill(c.userFilter, { username }),
      attributes,
      explicitBufferAttributes: binary,
      sizeLimit: 2,
    }));
  } catch (e) {
    if ((e as Error).name === "SizeLimitExceededError") return null;
    throw new LdapUnavailable(`The user search failed: ${explain(e)}`);
  }
  // Two entries for one name is a filter that is too loose: nobody signs in as "one of them".
  if (entries.length !== 1) return null;
  const entry = entries[0];
  const groups = new Set<string>();
  for (const dn of all(entry, c.memberOfAttribute)) {
    groups.add(dn);
    groups.add(rdnValue(dn));
  }
  if (c.groupFilter && !c.memberOfAttribute) {
    try {
      const { searchEntries } = await client.search(c.groupBaseDn || c.baseDn, {
        scope: "sub",
        filter: fill(c.groupFilter, { username, dn: entry.dn }),
        attributes: [c.groupNameAttribute || "cn"],
        sizeLimit: 1000,
      });
      for (const g of searchEntries) {
        groups.add(g.dn);
        const name = first(g, c.groupNameAttribute || "cn");
        if (name) groups.add(name);
      }
    } catch (e) {
      throw new LdapUnavailable(`The group search failed: ${explain(e)}`);
    }
  }
  return {
    dn: entry.dn,
    subject: first(entry, c.idAttribute) ?? entry.dn.toLowerCase(),
    username: first(entry, c.usernameAttribute),
    email: first(entry, c.emailAttribute)?.toLowerCase() ?? null,
    displayName: first(entry, c.nameAttribute),
    groups: [...groups],
  };
}

export function profileFromLdap(user: LdapUser): ExternalProfile {
  return {
    provider: "ldap",
    issuer: LDAP_ISSUER,
    subject: user.subject,
    email: user.email,
    // The directory's administrators set its email addresses (GitLab treats them alike).
    emailVerified: true,
    username: user.username,
    displayName: user.displayName,
    groups: user.groups,
  };
}

export type LdapAuthResult = { ok: true; user: LdapUser } | { ok: false; reason: "not_found" | "wrong_password" };

/** Checks a username and password against the directory. Throws LdapUnavailable when it cannot tell. */
export async function ldapAuthenticate(c: LdapConfig, username: string, password: string): Promise<LdapAuthResult> {
  // An empty password is an anonymous ("unauthenticated") bind that many servers accept (RFC 4513 §5.1.2).
  if (!username.trim() || !password) return { ok: false, reason: "wrong_password" };
  const service = await connect(c);
  try {
    await serviceBind(service, c);
    const user = await findUser(service, c, username.trim());
    if (!user) return { ok: false, reason: "not_found" };
    const asUser = await connect(c);
    try {
      await asUser.bind(user.dn, password);
    } catch (e) {
      if (e instanceof InvalidCredentialsError) return { ok: false, reason: "wrong_password" };
      throw new LdapUnavailable(`The directory could not check the password: ${explain(e)}`);
    } finally {
      await asUser.unbind().catch(() => {});
    }
    return { ok: true, user };
  } finally {
    await service.unbind().catch(() => {});
  }
}

/** Parentheses open and close in pairs (values are escaped, so every parenthesis is structure). */
function isBalanced(filter: string): boolean {
  if (!filter.startsWith("(") || !filter.endsWith(")")) return false;
  let depth = 0;
  for (const ch of filter) {
    if (ch === "(") depth++;
    else if (ch === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

export type LdapCheck = {
  ok: boolean;
  problem: string | null;
  warnings: string[];
  /** What a search for the given username found (the "test connection" answer). */
  user: LdapUser | null;
};

/** Save-time and "test connection" check: filters parse, connection, TLS, service bind, base DN, and optionally a user. */
export async function checkLdap(c: LdapConfig, username?: string): Promise<LdapCheck> {
  const warnings: string[] = [];
  const fail = (problem: string): LdapCheck => ({ ok: false, problem, warnings, user: null });
  if (!c.url || !c.baseDn) return fail("Enter the server URL and the base DN.");
  for (const [name, template] of [
    ["user filter", c.userFilter],
    ["group filter", c.groupFilter],
  ] as const) {
    if (!template) continue;
    try {
      const filter = fill(template, { username: "sample", dn: "cn=sample,dc=example" });
      // ldapts closes parentheses left open at the end; a filter the administrator typed that way is still a typo.
      if (!isBalanced(filter)) throw new Error(`unbalanced parentheses in ${template}`);
      FilterParser.parseString(filter);
    } catch (e) {
      return fail(`The ${name} is not a valid LDAP filter: ${(e as Error).message}`);
    }
  }
  if (c.url.startsWith("ldap:") && !c.startTls) warnings.push("Passwords travel unencrypted: use ldaps:// or StartTLS.");
  let client: Client;
  try {
    client = await connect(c);
  } catch (e) {
    return fail((e as Error).message);
  }
  try {
    await serviceBind(client, c);
    try {
      await client.search(c.baseDn, { scope: "base", filter: "(objectClass=*)", attributes: ["dn"] });
    } catch (e) {
      const code = (e as { code?: string }).code ?? "";
      if (/^E[A-Z]+$/.test(code)) return fail(`The directory could not be reached: ${explain(e)}`);
      return fail(`The base DN ${c.baseDn} cannot be read: ${explain(e)}`);
    }
    let user: LdapUser | null = null;
    if (username?.trim()) {
      user = await findUser(client, c, username.trim());
      if (!user)
        return { ok: false, problem: `No single entry matches the user filter for "${username.trim()}".`, warnings, user: null };
      if (!user.email) warnings.push(`The entry has no ${c.emailAttribute} attribute: an account cannot be created for it.`);
    }
    return { ok: true, problem: null, warnings, user };
  } catch (e) {
    return fail((e as Error).message);
  } finally {
    await client.unbind().catch(() => {});
  }
}
