// External identities (OpenID Connect, LDAP) → WarmDesk users. The identity is the provider's
// subject (`iss` + `sub`, or LDAP's unique id), never the email: a known subject signs in to its
// account; an unknown one is linked to an existing account only by a verified email and only when
// the administrator allows linking; otherwise an account is created when sign-up through the
// provider is allowed. Disabled and deleted accounts stay out whatever the provider says. Mapped
// directory groups are applied at every sign-in, adding and removing (as GitLab's group links and
// Grafana's team sync do); groups without a mapping are left alone.
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { getDb } from "../db/client.ts";
import { getSetting } from "../settings/settings.ts";
import { notifyLostAccess } from "../users/groups.ts";
import type { SsoFailure } from "./oidc.ts";
import type { GroupMapping } from "./settings.ts";

export type ExternalProfile = {
  provider: "oidc" | "ldap";
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  username: string | null;
  displayName: string | null;
  groups: string[];
};

export type AccountPolicy = {
  allowSignUp: boolean;
  allowedDomains: string[];
  allowLinking: boolean;
  requiredGroups: string[];
  groupMappings: GroupMapping[];
};

export type ExternalUser = {
  id: number;
  username: string;
  email: string;
  mfaEnabled: boolean;
  created: boolean;
  linked: boolean;
};
export type ExternalSignIn = { ok: true; user: ExternalUser } | { ok: false; reason: SsoFailure; userId: number | null };

const MAX = 191;
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Is the profile in one of the listed groups (names compare case-insensitively, as directories do)? */
export const inAnyGroup = (groups: string[], wanted: string[]) => wanted.some((w) => groups.some((g) => same(g, w)));

const USER_SELECT = { id: true, username: true, email: true, mfaEnabled: true, isActive: true, deletedAt: true } as const;

/** The account for an external identity, created or linked as the policy allows, with its groups synchronised. */
export async function resolveExternalUser(
  profile: ExternalProfile,
  policy: AccountPolicy,
  meta: RequestMeta,
): Promise<ExternalSignIn> {
  const db = getDb();
  if (profile.subject.length > MAX || profile.issuer.length > MAX) return { ok: false, reason: "claims", userId: null };
  if (policy.requiredGroups.length > 0 && !inAnyGroup(profile.groups, policy.requiredGroups)) {
    return { ok: false, reason: "group_not_allowed", userId: null };
  }
  const domain = profile.email?.split("@")[1] ?? "";
  if (policy.allowedDomains.length > 0 && !policy.allowedDomains.includes(domain)) {
    return { ok: false, reason: "domain_not_allowed", userId: null };
  }

  const identity = await db.userIdentity.findUnique({
    where: { issuer_subject: { issuer: profile.issuer, subject: profile.subject } },
    select: { id: true, user: { select: USER_SELECT } },
  });
  let user: ExternalUser;
  if (identity) {
    const u = identity.user;
    if (!u.isActive || u.deletedAt) return { ok: false, reason: "disabled", userId: u.id };
    await db.userIdentity.update({
      where: { id: identity.id },
      data: { email: profile.email?.slice(0, MAX) ?? null, lastSignInAt: new Date() },
      select: { id: true },
    });
    user = { id: u.id, username: u.username, email: u.email, mfaEnabled: u.mfaEnabled, created: false, linked: false };
  } else {
    const found = await linkOrCreate(profile, policy, meta);
    if (!found.ok) return found;
    user = found.user;
  }
  if (profile.displayName) {
    await db.user.update({
      where: { id: user.id },
      data: { displayName: profile.displayName.slice(0, MAX) },
      select: { id: true },
    });
  }
  await syncGroups(user.id, profile, policy.groupMappings, meta);
  return { ok: true, user };
}

async function linkOrCreate(profile: ExternalProfile, policy: AccountPolicy, meta: RequestMeta): Promise<ExternalSignIn> {
  const db = getDb();
  const existing = profile.email ? await db.user.findFirst({ where: { email: profile.email }, select: USER_SELECT }) : null;
  const identityData = {
    provider: profile.provider,
    issuer: profile.issuer,
    subject: profile.subject,
    email: profile.email?.slice(0, MAX) ?? null,
    lastSignInAt: new Date(),
  };
  if (existing) {
    // The email belongs to an account: only a verified email, and only when allowed, signs in to it.
    if (!policy.allowLinking || !profile.emailVerified) return { ok: false, reason: "email_taken", userId: existing.id };
    if (!existing.isActive || existing.deletedAt) return { ok: false, reason: "disabled", userId: existing.id };
    try {
      await db.userIdentity.create({ data: { ...identityData, userId: existing.id }, select: { id: true } });
    } catch (e) {
      // The same identity arrived twice at once: the other request linked it.
      if ((e as { code?: string }).code !== "P2002") throw e;
    }
    await recordAudit({
      actor: existing.id,
      action: "user.identity_linked",
      resourceType: "user",
      resourceId: existing.id,
      details: { provider: profile.provider, issuer: profile.issuer, subject: profile.subject },
      meta,
    });
    const { id, username, email, mfaEnabled } = existing;
    return { ok: true, user: { id, username, email, mfaEnabled, created: false, linked: true } };
  }
  if (!policy.allowSignUp) return { ok: false, reason: "sign_up_disabled", userId: null };
  if (!profile.email || profile.email.length > MAX || !/^[^@\s]+@[^@\s]+$/.test(profile.email)) {
    return { ok: false, reason: "claims", userId: null };
  }
  const language = await getSetting("default_language");
  for (let attempt = 0; attempt < 5; attempt++) {
    const username = await freeUsername(profile, attempt);
    try {
      const created = await db.$transaction(async (tx) => {
        const row = await tx.user.create({
          // "!" is no bcrypt hash: no password matches it (passwords.ts), until the user sets one.
          data: { email: profile.email as string, username, passwordHash: "!", language },
          select: { id: true, username: true, email: true },
        });
        await tx.userIdentity.create({ data: { ...identityData, userId: row.id }, select: { id: true } });
        return row;
      });
      await recordAudit({
        actor: created.id,
        action: "user.created",
        resourceType: "user",
        resourceId: created.id,
        details: { username: created.username, email: created.email, via: profile.provider, issuer: profile.issuer },
        meta,
      });
      return { ok: true, user: { ...created, mfaEnabled: false, created: true, linked: false } };
    } catch (e) {
      if ((e as { code?: string }).code !== "P2002") throw e;
      // Taken in the meantime (the username, or this very identity by a concurrent first sign-in).
      const raced = await db.userIdentity.findUnique({
        where: { issuer_subject: { issuer: profile.issuer, subject: profile.subject } },
        select: { user: { select: USER_SELECT } },
      });
      if (raced) {
        const { id, username: name, email, mfaEnabled } = raced.user;
        return { ok: true, user: { id, username: name, email, mfaEnabled, created: false, linked: false } };
      }
      if (await db.user.findFirst({ where: { email: profile.email }, select: { id: true } })) {
        return { ok: false, reason: "email_taken", userId: null };
      }
    }
  }
  return { ok: false, reason: "claims", userId: null };
}

/** A free username from the provider's (or the email's local part), made to fit WarmDesk's rules. */
async function freeUsername(profile: ExternalProfile, attempt: number): Promise<string> {
  const base =
    (profile.username ?? profile.email?.split("@")[0] ?? "user")
      .normalize("NFKD")
      .replace(/[^a-zA-Z0-9._-]+/g, "")
      .replace(/^[._-]+/, "")
      .slice(0, 24) || "user";
  const padded = base.length < 2 ? `${base}user` : base;
  const db = getDb();
  for (let n = attempt; n < attempt + 50; n++) {
    const candidate = n === 0 ? padded : `${padded}${n + 1}`;
    if (!(await db.user.findFirst({ where: { username: candidate }, select: { id: true } }))) return candidate;
  }
  return `${padded}${Date.now().toString(36)}`.slice(0, 32);
}

/** Members of mapped groups are exactly the users whose directory groups map to them. */
export async function syncGroups(userId: number, profile: ExternalProfile, mappings: GroupMapping[], meta: RequestMeta) {
  if (mappings.length === 0) return;
  const db = getDb();
  const mappedIds = [...new Set(mappings.map((m) => m.groupId))];
  const [groups, memberships] = await Promise.all([
    db.userGroup.findMany({ where: { id: { in: mappedIds } }, select: { id: true, name: true } }),
    db.groupMember.findMany({ where: { userId, groupId: { in: mappedIds } }, select: { groupId: true } }),
  ]);
  const wanted = new Set(mappings.filter((m) => inAnyGroup(profile.groups, [m.external])).map((m) => m.groupId));
  const current = new Set(memberships.map((m) => m.groupId));
  const removed: number[] = [];
  for (const group of groups) {
    const details = { group: group.name, userId, via: profile.provider };
    if (wanted.has(group.id) && !current.has(group.id)) {
      await db.groupMember.create({ data: { groupId: group.id, userId }, select: { id: true } }).catch((e: { code?: string }) => {
        if (e.code !== "P2002") throw e;
      });
      await recordAudit({
        actor: userId,
        action: "group.member_added",
        resourceType: "group",
        resourceId: group.id,
        details,
        meta,
      });
    } else if (!wanted.has(group.id) && current.has(group.id)) {
      await db.groupMember.deleteMany({ where: { groupId: group.id, userId } });
      await recordAudit({
        actor: userId,
        action: "group.member_removed",
        resourceType: "group",
        resourceId: group.id,
        details,
        meta,
      });
      removed.push(group.id);
    }
  }
  if (removed.length > 0) {
    const projects = await db.groupProjectAccess.findMany({ where: { groupId: { in: removed } }, select: { projectId: true } });
    await notifyLostAccess(
      [userId],
      projects.map((p) => p.projectId),
    );
  }
}
