// Company sign-in settings and policies on every available engine: group claims synchronised at
// every sign-in, the admin API's save-time checks (a bad configuration is refused with its reason and
// stores nothing), "SSO only" with a break-glass administrator, secrets never in clear.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getSso, PATCH as patchSso } from "../../app/api/v1/admin/sso/route.ts";
import { projectRole } from "../../lib/auth/access.ts";
import { attemptSignIn } from "../../lib/auth/next-auth.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { clearOidcCache } from "../../lib/sso/oidc.ts";
import { beginOidc, completeOidc } from "../../lib/sso/oidc-sign-in.ts";
import { addGroupMember, createGroup, setGroupProjectAccess } from "../../lib/users/groups.ts";
import { signUp } from "../../lib/users/signup.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";
import { closedPort, signInAtProvider, startTestProvider, type TestProvider } from "../helpers/oidc-provider.ts";

const APP = "http://localhost:3000";
const CALLBACK = `${APP}/api/auth/sso/oidc/callback`;

describe.each(availableEngines())("[SSO] groups and policies (%s)", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let idp: TestProvider;
  let admin: Person;
  let user: Person;

  const patch = (body: unknown, key = admin.key) => call(patchSso, { method: "PATCH", key, body, path: "/api/v1/admin/sso" });
  const oidcBase = () => ({ enabled: true, issuer: idp.issuer, clientId: idp.clientId, scopes: "openid email profile groups" });

  async function signInAs(login: string) {
    const { url, cookie } = await beginOidc(`${APP}/sign-in`, "/");
    const back = await signInAtProvider(url.toString(), login);
    return completeOidc(back, cookie, { ip: "198.51.100.7", userAgent: "vitest" });
  }

  beforeAll(async () => {
    world = await freshWorld(engine);
    idp = await startTestProvider({ redirectUris: [CALLBACK] });
    admin = await person("root", { admin: true });
    user = await person("plain");
    clearOidcCache();
  });
  afterAll(async () => {
    await idp?.close();
    await world?.close();
  });

  it("refuses a bad configuration at save time with a clear reason, and stores nothing", async () => {
    expect((await call(getSso, { key: user.key, path: "/api/v1/admin/sso" })).status).toBe(404);
    expect((await patch({ oidc: { enabled: true } }, user.key)).status).toBe(404);

    const wrongSecret = await patch({ oidc: { ...oidcBase(), clientSecret: "not-the-secret" } });
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.json.error.message).toMatch(/client ID or client secret/);
    const unreachable = await patch({
      oidc: { ...oidcBase(), issuer: `http://127.0.0.1:${await closedPort()}`, clientSecret: idp.clientSecret },
    });
    expect(unreachable.status).toBe(400);
    expect(unreachable.json.error.message).toMatch(/Discovery failed.*connection refused/);
    const badFilter = await patch({
      ldap: {
        enabled: true,
        url: `ldap://127.0.0.1:${await closedPort()}`,
        baseDn: "dc=example,dc=org",
        userFilter: "(&(uid={username})",
      },
    });
    expect(badFilter.status).toBe(400);
    expect(badFilter.json.error.message).toMatch(/user filter is not a valid LDAP filter/);
    const noDirectory = await patch({
      ldap: { enabled: true, url: `ldap://127.0.0.1:${await closedPort()}`, baseDn: "dc=example,dc=org" },
    });
    expect(noDirectory.status).toBe(400);
    expect(noDirectory.json.error.message).toMatch(/LDAP: .*connection refused/);
    const unknownGroup = await patch({ oidc: { ...oidcBase(), groupMappings: [{ external: "x", groupId: 999_999 }] } });
    expect(unknownGroup.status).toBe(400);
    expect(await getDb().systemSetting.count({ where: { key: { startsWith: "sso_" } } })).toBe(0);
    expect((await call(getSso, { key: admin.key, path: "/api/v1/admin/sso" })).json.oidc.enabled).toBe(false);
  });

  it("stores the client secret sealed and never answers it", async () => {
    const saved = await patch({ oidc: { ...oidcBase(), clientSecret: idp.clientSecret } });
    expect(saved.status).toBe(200);
    expect(saved.json.settings.oidc).toMatchObject({ enabled: true, clientSecretSet: true });
    expect(saved.json.settings.redirectUri).toBe(CALLBACK);
    expect(saved.json.warnings.join(" ")).toMatch(/http/);
    expect(JSON.stringify(saved.json)).not.toContain(idp.clientSecret);
    const row = await getDb().systemSetting.findUniqueOrThrow({ where: { key: "sso_oidc" } });
    expect(row.value).not.toContain(idp.clientSecret);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "settings.sso_updated" } });
    expect(audit.details).not.toContain(idp.clientSecret);
    // A change without the secret keeps it.
    expect((await patch({ oidc: { buttonLabel: "Sign in with Corp" } })).status).toBe(200);
    expect((await call(getSso, { key: admin.key, path: "/api/v1/admin/sso" })).json.oidc).toMatchObject({
      buttonLabel: "Sign in with Corp",
      clientSecretSet: true,
    });
  });

  it("synchronises mapped groups at every sign-in: added, removed, and access follows", async () => {
    const project = await createProject(admin.actor, { name: "Apollo", key: "APO" });
    const devs = await createGroup(admin.actor, { name: "Developers" });
    const other = await createGroup(admin.actor, { name: "Unmapped" });
    await setGroupProjectAccess(admin.actor, devs.id, project.slug, { role: "member" });
    expect((await patch({ oidc: { groupMappings: [{ external: "devs", groupId: devs.id }] } })).status).toBe(200);

    idp.accounts.set("erin", {
      email: "erin@corp.example",
      email_verified: true,
      preferred_username: "erin",
      groups: ["DEVS", "sales"],
    });
    expect((await signInAs("erin")).kind).toBe("session");
    const erin = await getDb().user.findUniqueOrThrow({ where: { email: "erin@corp.example" } });
    const asErin = { userId: erin.id, username: "erin", isAdmin: false, sessionId: null, apiKeyProjectId: null, language: "en" };
    expect(await projectRole(asErin, project.id)).toBe("member");
    await addGroupMember(admin.actor, other.id, { userId: erin.id });

    idp.accounts.set("erin", { ...idp.accounts.get("erin"), groups: ["sales"] });
    world.events.length = 0;
    expect((await signInAs("erin")).kind).toBe("session");
    await world.flush();
    expect(await projectRole(asErin, project.id)).toBeNull();
    expect(await getDb().groupMember.count({ where: { userId: erin.id, groupId: devs.id } })).toBe(0);
    // A group without a mapping is WarmDesk's own business.
    expect(await getDb().groupMember.count({ where: { userId: erin.id, groupId: other.id } })).toBe(1);
    expect(world.events).toContainEqual(expect.objectContaining({ room: `user:${erin.id}`, type: "project.access_removed" }));
    const removed = await getDb().auditLog.findFirst({ where: { action: "group.member_removed", userId: erin.id } });
    expect(JSON.parse(removed?.details ?? "{}")).toMatchObject({ group: "Developers", via: "oidc" });
  });

  it("turns password sign-in off only with a working provider and a break-glass administrator, who still gets in", async () => {
    const noBreakGlass = await patch({ policy: { passwordSignIn: false } });
    expect(noBreakGlass.status).toBe(400);
    expect(noBreakGlass.json.error.details.fields[0].path).toBe("policy.breakGlassUsername");
    expect((await patch({ policy: { passwordSignIn: false, breakGlassUsername: user.username } })).status).toBe(400);
    expect((await patch({ policy: { passwordSignIn: false, breakGlassUsername: admin.username } })).status).toBe(200);

    const meta = { ip: "198.51.100.8", userAgent: "vitest" };
    const plainEmail = (await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).email;
    const rootEmail = (await getDb().user.findUniqueOrThrow({ where: { id: admin.id } })).email;
    expect(await attemptSignIn({ email: plainEmail, password: "a long enough password" }, meta, { delay: false })).toMatchObject({
      ok: false,
      reason: "invalid",
    });
    const refused = await getDb().auditLog.findFirstOrThrow({
      where: { action: "auth.sign_in_failed", userId: user.id },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(refused.details ?? "{}")).toMatchObject({ reason: "password_disabled" });
    expect((await attemptSignIn({ email: rootEmail, password: "a long enough password" }, meta, { delay: false })).ok).toBe(true);
    // Self-service sign-up makes password accounts: off while passwords are.
    await updateSettings(admin.actor, { allow_signup: true });
    await expect(signUp({ email: "new@example.test", username: "newbie", password: "a long enough password" })).rejects.toThrow(
      /not available/,
    );
    // Single sign-on still works for everyone.
    idp.accounts.set("frank", { email: "frank@corp.example", email_verified: true, preferred_username: "frank" });
    expect((await signInAs("frank")).kind).toBe("session");

    // Turning the only provider off while passwords are off would leave only the break-glass account.
    const off = await patch({ oidc: { enabled: false } });
    expect(off.status).toBe(400);
    expect(off.json.error.message).toMatch(/Password sign-in can only be turned off/);
    expect((await patch({ policy: { passwordSignIn: true } })).status).toBe(200);
    expect((await signUp({ email: "new@example.test", username: "newbie", password: "a long enough password" })).username).toBe(
      "newbie",
    );
    expect((await attemptSignIn({ email: plainEmail, password: "a long enough password" }, meta, { delay: false })).ok).toBe(
      true,
    );
  });
});
