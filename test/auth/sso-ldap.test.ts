// LDAP sign-in against a real slapd on loopback (seeded directory, StartTLS with a self-signed CA):
// sign-in, wrong password, a user outside the allowed group, group sync, filter escaping, an
// unreachable server (a clear error; password users still sign in), and the test-connection answer.
import { Attribute, Change, Client } from "ldapts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attemptSignIn } from "../../lib/auth/next-auth.ts";
import { getDb } from "../../lib/db/client.ts";
import { testLdapSettings, updateSsoSettings } from "../../lib/sso/admin.ts";
import { checkLdap, ldapAuthenticate } from "../../lib/sso/ldap.ts";
import { getSsoConfig, writeSsoSections } from "../../lib/sso/settings.ts";
import { createGroup } from "../../lib/users/groups.ts";
import { freshWorld, type Person, person } from "../api/helpers.ts";
import { closedPort } from "../helpers/ports.ts";
import {
  ADMIN_DN,
  ADMIN_PASSWORD,
  BASE_DN,
  hasSlapd,
  SERVICE_DN,
  SERVICE_PASSWORD,
  startSlapd,
  type TestDirectory,
} from "../helpers/slapd.ts";

const available = hasSlapd();
if (!available) {
  if (process.env.CI === "true") throw new Error("slapd is not installed: CI must run the LDAP tests (.ci/run installs it)");
  console.warn("[sso-ldap] skipped: slapd is not installed (apt-get install -y slapd ldap-utils)");
}

describe.skipIf(!available)("[SSO] LDAP sign-in against slapd", () => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let directory: TestDirectory;
  let admin: Person;
  let developers: number;
  const meta = { ip: "192.0.2.20", userAgent: "vitest" };
  const signIn = (login: string, password: string) => attemptSignIn({ email: login, password }, meta, { delay: false });

  beforeAll(async () => {
    world = await freshWorld("sqlite");
    directory = await startSlapd();
    admin = await person("root", { admin: true });
    developers = (await createGroup(admin.actor, { name: "Developers" })).id;
    const saved = await updateSsoSettings(
      admin.actor,
      {
        ldap: {
          enabled: true,
          url: directory.url,
          bindDn: SERVICE_DN,
          bindPassword: SERVICE_PASSWORD,
          baseDn: BASE_DN,
          requiredGroups: ["warmdesk-users"],
          groupMappings: [{ external: "devs", groupId: developers }],
        },
      },
      "http://localhost:3000/api/v1/admin/sso",
    );
    expect(saved.settings.ldap).toMatchObject({ enabled: true, bindPasswordSet: true });
  });
  afterAll(async () => {
    await directory?.stop();
    await world?.close();
  });

  it("test connection shows what the directory holds for a username, and the groups it maps to", async () => {
    const found = await testLdapSettings(admin.actor, { username: "ada" });
    expect(found).toMatchObject({ ok: true, allowed: true, mappedGroups: [{ id: developers, name: "Developers" }] });
    expect(found.user).toMatchObject({
      dn: `uid=ada,ou=people,${BASE_DN}`,
      username: "ada",
      email: "ada@example.org",
      displayName: "Ada Lovelace",
    });
    expect(found.user?.subject).toMatch(/^[0-9a-f-]{36}$/);
    expect(found.user?.groups).toEqual(expect.arrayContaining(["devs", "warmdesk-users", `cn=devs,ou=groups,${BASE_DN}`]));
    expect(await testLdapSettings(admin.actor, { username: "grace" })).toMatchObject({
      ok: true,
      allowed: false,
      mappedGroups: [],
    });
    expect(await testLdapSettings(admin.actor, { username: "nobody" })).toMatchObject({ ok: false, user: null });
    const wrongBind = await testLdapSettings(admin.actor, { username: "ada", ldap: { bindPassword: "wrong" } });
    expect(wrongBind).toMatchObject({ ok: false, problem: expect.stringMatching(/refused the service account/) });
  });

  it("signs a directory user in (username or email), creates the account and maps the groups", async () => {
    const result = await signIn("ada", "ada-password");
    expect(result).toMatchObject({ ok: true, user: { username: "ada", email: "ada@example.org" } });
    const ada = await getDb().user.findUniqueOrThrow({ where: { email: "ada@example.org" }, include: { identities: true } });
    expect(ada).toMatchObject({ displayName: "Ada Lovelace", passwordHash: "!" });
    expect(ada.identities).toMatchObject([{ provider: "ldap", issuer: "ldap" }]);
    expect(await getDb().groupMember.count({ where: { userId: ada.id, groupId: developers } })).toBe(1);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "auth.sign_in", userId: ada.id } });
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ method: "ldap" });
    expect(await signIn("ada@example.org", "ada-password")).toMatchObject({ ok: true, user: { id: ada.id } });
  });

  it("refuses a wrong password (counted for the lockout), an empty one, and a user outside the allowed group", async () => {
    expect(await signIn("linus", "not-his-password")).toMatchObject({ ok: false, reason: "invalid" });
    expect((await getDb().loginThrottle.findUniqueOrThrow({ where: { key: "account:linus" } })).failures).toBe(1);
    // An empty password would be an anonymous bind, which slapd accepts.
    expect(await ldapAuthenticate((await getSsoConfig()).ldap, "linus", "")).toMatchObject({ ok: false });
    expect(await signIn("grace", "grace-password")).toMatchObject({ ok: false, reason: "invalid" });
    const refused = await getDb().auditLog.findFirstOrThrow({
      where: { action: "auth.sign_in_failed" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(refused.details ?? "{}")).toMatchObject({
      email: "grace",
      reason: "not_allowed",
      detail: "group_not_allowed",
    });
    expect(await getDb().user.count({ where: { email: "grace@example.org" } })).toBe(0);
  });

  it("escapes what the user types: a wildcard matches nobody", async () => {
    // Unescaped, "ad*" would find ada and bind as her with her password.
    expect(await signIn("ad*", "ada-password")).toMatchObject({ ok: false, reason: "invalid" });
    expect(await signIn("ada)(uid=*", "ada-password")).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("follows the directory's groups at the next sign-in", async () => {
    const client = new Client({ url: directory.url });
    await client.bind(ADMIN_DN, ADMIN_PASSWORD);
    await client.modify(`cn=devs,ou=groups,${BASE_DN}`, [
      // groupOfNames needs a member: keep linus in it, take ada out.
      new Change({
        operation: "add",
        modification: new Attribute({ type: "member", values: [`uid=linus,ou=people,${BASE_DN}`] }),
      }),
      new Change({
        operation: "delete",
        modification: new Attribute({ type: "member", values: [`uid=ada,ou=people,${BASE_DN}`] }),
      }),
    ]);
    await client.unbind();
    const { user } = (await signIn("ada", "ada-password")) as { user: { id: number } };
    expect(await getDb().groupMember.count({ where: { userId: user.id, groupId: developers } })).toBe(0);
    const linus = await signIn("linus", "linus-password");
    expect(linus.ok).toBe(true);
    if (linus.ok) expect(await getDb().groupMember.count({ where: { userId: linus.user.id, groupId: developers } })).toBe(1);
  });

  it("checks StartTLS against the configured CA, and refuses an untrusted certificate", async () => {
    const { ldap } = await getSsoConfig();
    expect(await checkLdap({ ...ldap, startTls: true, caCert: directory.caCert }, "ada")).toMatchObject({
      ok: true,
      warnings: [],
    });
    const untrusted = await checkLdap({ ...ldap, startTls: true, caCert: "" });
    expect(untrusted.ok).toBe(false);
    expect(untrusted.problem).toMatch(/StartTLS failed: .*(not trusted|certificate)/);
    expect(await ldapAuthenticate({ ...ldap, startTls: true, caCert: directory.caCert }, "ada", "ada-password")).toMatchObject({
      ok: true,
    });
  });

  it("says clearly when the directory is unreachable, and password users still sign in", async () => {
    const local = await person("localuser");
    const localEmail = (await getDb().user.findUniqueOrThrow({ where: { id: local.id } })).email;
    const { ldap } = await getSsoConfig();
    // Written directly: the settings page would refuse to save an unreachable server.
    const { locked: _l, bindPassword: _b, ...stored } = { ...ldap, url: `ldap://127.0.0.1:${await closedPort()}` };
    await writeSsoSections({ ldap: stored }, {});
    expect(await signIn("ada", "ada-password")).toMatchObject({ ok: false, reason: "unavailable" });
    // An outage is not a guess: the attempt reserved before asking the directory is given back
    // (lib/auth/lockout.ts keeps the row at zero failures), nothing counts towards a lock.
    const throttle = await getDb().loginThrottle.findUnique({ where: { key: "account:ada" } });
    expect({ failures: throttle?.failures ?? 0, lockedUntil: throttle?.lockedUntil ?? null }).toEqual({
      failures: 0,
      lockedUntil: null,
    });
    expect(await signIn(localEmail, "a long enough password")).toMatchObject({ ok: true, user: { id: local.id } });
  });
});
