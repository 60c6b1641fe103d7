// User administration through the REST routes on every engine: only system admins see it (404 for
// everyone else, on every route), temporary passwords, disable/enable with immediate sign-out,
// self and last-admin protection, forced password and MFA resets, soft delete that keeps content,
// and an audit row for every change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DELETE as groupCustomerDelete,
  PUT as groupCustomerPut,
} from "../../app/api/v1/admin/groups/[id]/customers/[slug]/route.ts";
import { DELETE as groupMemberDelete } from "../../app/api/v1/admin/groups/[id]/members/[userId]/route.ts";
import { POST as groupMembersPost } from "../../app/api/v1/admin/groups/[id]/members/route.ts";
import {
  DELETE as groupProjectDelete,
  PUT as groupProjectPut,
} from "../../app/api/v1/admin/groups/[id]/projects/[slug]/route.ts";
import { DELETE as groupDelete, GET as groupGet, PATCH as groupPatch } from "../../app/api/v1/admin/groups/[id]/route.ts";
import { GET as groupsGet, POST as groupsPost } from "../../app/api/v1/admin/groups/route.ts";
import { POST as disablePost } from "../../app/api/v1/admin/users/[id]/disable/route.ts";
import { POST as enablePost } from "../../app/api/v1/admin/users/[id]/enable/route.ts";
import { POST as resetMfaPost } from "../../app/api/v1/admin/users/[id]/reset-mfa/route.ts";
import { POST as resetPasswordPost } from "../../app/api/v1/admin/users/[id]/reset-password/route.ts";
import { DELETE as userDelete, GET as userGet, PATCH as userPatch } from "../../app/api/v1/admin/users/[id]/route.ts";
import { GET as usersGet, POST as usersPost } from "../../app/api/v1/admin/users/route.ts";
import { GET as commentsGet, POST as commentsPost } from "../../app/api/v1/projects/[slug]/cards/[key]/comments/route.ts";
import { GET as cardGet } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { POST as cardPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { POST as membersPost } from "../../app/api/v1/projects/[slug]/members/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { actorForApiKey } from "../../lib/auth/api-keys.ts";
import { checkCredentials } from "../../lib/auth/next-auth.ts";
import { actorForSessionToken, createSession } from "../../lib/auth/sessions.ts";
import { getDb } from "../../lib/db/client.ts";
import { openApiDocument } from "../../lib/openapi/spec.ts";
import { adminUpdateUser, deleteUser, disableUser } from "../../lib/users/admin.ts";
import { changePassword } from "../../lib/users/password.ts";
import { call, freshWorld, keyFor, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const auditRows = (action: string) =>
  getDb().auditLog.findMany({
    where: { action },
    orderBy: { id: "asc" },
    select: { userId: true, resourceId: true, details: true },
  });

describe.each(availableEngines())("[ADMIN] users on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let root: Person;
  let plain: Person;

  beforeAll(async () => {
    world = await freshWorld(engine);
    root = await person("root", { admin: true });
    plain = await person("plain");
  });
  afterAll(async () => world?.close());

  const create = (body: unknown, key = root.key) => call(usersPost, { key, body });
  const act = (handler: typeof disablePost, id: number | string, key = root.key) =>
    call(handler, { method: "POST", key, params: { id: String(id) } });

  it("answers 404 on every admin endpoint to non-admins, project-scoped admin keys and 401 without a key", async () => {
    const project = await call(projectsPost, { key: root.key, body: { name: "Scoped", key: "SCO", slug: "scoped" } });
    const scoped = await keyFor(root.id, project.json.id);
    const group = await call(groupsPost, { key: root.key, body: { name: "Secret group" } });
    const id = String(plain.id);
    const gid = String(group.json.id);
    const before = await getDb().auditLog.count();
    const routes: [(req: Request, ctx: { params: Promise<never> }) => Promise<Response>, string, unknown, object][] = [
      [usersGet, "GET", undefined, {}],
      [usersPost, "POST", { email: "x@example.test", username: "xx" }, {}],
      [userGet, "GET", undefined, { id }],
      [userPatch, "PATCH", { role: "admin" }, { id }],
      [userDelete, "DELETE", undefined, { id }],
      [disablePost, "POST", undefined, { id }],
      [enablePost, "POST", undefined, { id }],
      [resetPasswordPost, "POST", undefined, { id }],
      [resetMfaPost, "POST", undefined, { id }],
      [groupsGet, "GET", undefined, {}],
      [groupsPost, "POST", { name: "Mine" }, {}],
      [groupGet, "GET", undefined, { id: gid }],
      [groupPatch, "PATCH", { name: "Mine" }, { id: gid }],
      [groupDelete, "DELETE", undefined, { id: gid }],
      [groupMembersPost, "POST", { userId: plain.id }, { id: gid }],
      [groupMemberDelete, "DELETE", undefined, { id: gid, userId: id }],
      [groupProjectPut, "PUT", { role: "admin" }, { id: gid, slug: "scoped" }],
      [groupProjectDelete, "DELETE", undefined, { id: gid, slug: "scoped" }],
      [groupCustomerPut, "PUT", { role: "editor" }, { id: gid, slug: "acme" }],
      [groupCustomerDelete, "DELETE", undefined, { id: gid, slug: "acme" }],
    ];
    for (const [handler, method, body, params] of routes) {
      for (const key of [plain.key, scoped.key]) {
        const res = await call(handler, { method, key, body, params: params as never });
        expect(res.status, `${method} ${JSON.stringify(params)}`).toBe(404);
        expect(res.json.error.code).toBe("not_found");
      }
      expect((await call(handler, { method, key: null, body, params: params as never })).status).toBe(401);
    }
    expect(await getDb().auditLog.count()).toBe(before);
    expect((await call(userGet, { key: root.key, params: { id } })).json).toMatchObject({ username: "plain", role: "user" });
  });

  it("creates a user with a temporary password that works once and must be changed", async () => {
    const res = await create({ email: "New.Person@Example.test", username: "newperson", role: "user", language: "de" });
    expect(res.status).toBe(201);
    const { user, temporaryPassword } = res.json;
    expect(user).toMatchObject({
      email: "new.person@example.test",
      username: "newperson",
      role: "user",
      language: "de",
      status: "active",
      mustChangePassword: true,
      mfaEnabled: false,
      lastSignInAt: null,
    });
    expect(JSON.stringify(user)).not.toMatch(/passwordHash|totpSecret/);
    expect(temporaryPassword).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    // Never shown again: neither the user's JSON nor the list carries it.
    const fetched = await call(userGet, { key: root.key, params: { id: String(user.id) } });
    expect(JSON.stringify(fetched.json)).not.toContain(temporaryPassword);

    const signedIn = await checkCredentials("new.person@example.test", temporaryPassword);
    expect(signedIn?.id).toBe(user.id);
    const { token } = await createSession(user.id);
    const actor = await actorForSessionToken(token);
    expect(actor?.mustChangePassword).toBe(true);
    await changePassword(actor!, { currentPassword: temporaryPassword, newPassword: "my own new password" });
    expect((await actorForSessionToken(token))?.mustChangePassword).toBe(false);
    expect(await checkCredentials("new.person@example.test", temporaryPassword)).toBeNull();
    expect((await checkCredentials("new.person@example.test", "my own new password"))?.id).toBe(user.id);

    const audit = await auditRows("user.created");
    expect(audit.at(-1)).toMatchObject({ userId: root.id, resourceId: String(user.id) });
    expect(audit.at(-1)?.details).not.toContain(temporaryPassword);
  });

  it("refuses bad input (400) and a taken email or username (409), creating nothing", async () => {
    const count = await getDb().user.count();
    for (const bad of [
      { email: "not-an-email", username: "okname" },
      { email: "a@example.test", username: "x" },
      { email: "a@example.test", username: "has space" },
      { email: "a@example.test", username: "okname", role: "root" },
      { email: "a@example.test", username: "okname", password: "chosen by admin" },
    ]) {
      const res = await create(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await create({ email: "NEW.person@example.test", username: "another" })).status).toBe(409);
    expect((await create({ email: "other@example.test", username: "newperson" })).status).toBe(409);
    expect(await getDb().user.count()).toBe(count);
    expect((await call(userGet, { key: root.key, params: { id: "abc" } })).status).toBe(404);
    expect((await call(userGet, { key: root.key, params: { id: "99999999999" } })).status).toBe(404);
    expect((await call(userGet, { key: root.key, params: { id: "999999" } })).status).toBe(404);
  });

  it("lists, searches and filters by status", async () => {
    const u = await create({ email: "findme@example.test", username: "FindMe" });
    const list = await call(usersGet, { key: root.key, path: "/api/v1/admin/users?q=findme" });
    expect(list.status).toBe(200);
    expect(list.json.users.map((x: { username: string }) => x.username)).toEqual(["FindMe"]);
    expect(list.json).toMatchObject({ total: 1, page: 1 });
    const byEmail = await call(usersGet, { key: root.key, path: "/api/v1/admin/users?q=FINDME%40example" });
    expect(byEmail.json.users).toHaveLength(1);
    await act(disablePost, u.json.user.id);
    const disabled = await call(usersGet, { key: root.key, path: "/api/v1/admin/users?status=disabled" });
    expect(disabled.json.users.map((x: { username: string }) => x.username)).toContain("FindMe");
    const active = await call(usersGet, { key: root.key, path: "/api/v1/admin/users?status=active" });
    expect(active.json.users.map((x: { username: string }) => x.username)).not.toContain("FindMe");
    expect((await call(usersGet, { key: root.key, path: "/api/v1/admin/users?status=nope" })).status).toBe(400);
    expect((await call(usersGet, { key: root.key, path: "/api/v1/admin/users?page=0" })).status).toBe(400);
  });

  it("disabling signs the user out at their next request and refuses sign-in; enabling restores sign-in", async () => {
    const u = (await create({ email: "dis@example.test", username: "dis" })).json;
    const { token } = await createSession(u.user.id);
    const key = await keyFor(u.user.id, null);
    expect(await actorForSessionToken(token)).not.toBeNull();
    const res = await act(disablePost, u.user.id);
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("disabled");
    expect(await actorForSessionToken(token)).toBeNull();
    expect(await getDb().session.count({ where: { userId: u.user.id } })).toBe(0);
    expect(await actorForApiKey(key.key)).toBeNull();
    expect(await checkCredentials("dis@example.test", u.temporaryPassword)).toBeNull();

    const enabled = await act(enablePost, u.user.id);
    expect(enabled.json.status).toBe("active");
    expect((await checkCredentials("dis@example.test", u.temporaryPassword))?.id).toBe(u.user.id);
    const fresh = await createSession(u.user.id);
    expect((await actorForSessionToken(fresh.token))?.userId).toBe(u.user.id);
    expect((await auditRows("user.disabled")).map((r) => r.resourceId)).toContain(String(u.user.id));
    expect((await auditRows("user.enabled")).map((r) => r.resourceId)).toContain(String(u.user.id));
  });

  it("protects the admin themselves and the last active admin (409)", async () => {
    const me = String(root.id);
    for (const [handler, method, body] of [
      [userPatch, "PATCH", { role: "user" }],
      [disablePost, "POST", undefined],
      [userDelete, "DELETE", undefined],
    ] as const) {
      const res = await call(handler as typeof userPatch, { method, key: root.key, params: { id: me }, body });
      expect(res.status).toBe(409);
    }
    // A second admin demotes the first; the first's request, authorised a moment earlier (a stale
    // actor), would then demote the only admin left: refused.
    const second = (await create({ email: "second@example.test", username: "second", role: "admin" })).json.user;
    const secondKey = await keyFor(second.id, null);
    const staleRoot = root.actor;
    const demoteRoot = await call(userPatch, { method: "PATCH", key: secondKey.key, params: { id: me }, body: { role: "user" } });
    expect(demoteRoot.status).toBe(200);
    expect(demoteRoot.json.role).toBe("user");
    expect((await call(usersGet, { key: root.key })).status).toBe(404);
    for (const attempt of [
      () => adminUpdateUser(staleRoot, second.id, { role: "user" }),
      () => disableUser(staleRoot, second.id),
      () => deleteUser(staleRoot, second.id),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "conflict", details: { reason: "last_admin" } });
    }
    expect(await getDb().user.count({ where: { role: "admin", isActive: true, deletedAt: null } })).toBe(1);
    const promote = await call(userPatch, { method: "PATCH", key: secondKey.key, params: { id: me }, body: { role: "admin" } });
    expect(promote.json.role).toBe("admin");
    // Two admins disabling each other at the same moment: one wins, one admin stays.
    const results = await Promise.all([
      call(disablePost, { method: "POST", key: root.key, params: { id: String(second.id) } }),
      call(disablePost, { method: "POST", key: secondKey.key, params: { id: me } }),
    ]);
    expect(await getDb().user.count({ where: { role: "admin", isActive: true, deletedAt: null } })).toBe(1);
    expect(results.map((r) => r.status)).toContain(200);
    const rootRow = await getDb().user.findUniqueOrThrow({ where: { id: root.id }, select: { isActive: true } });
    if (rootRow.isActive) expect((await act(enablePost, second.id)).status).toBe(200);
    else expect((await act(enablePost, root.id, secondKey.key)).status).toBe(200);
    const updated = await auditRows("user.updated");
    expect(updated.some((r) => r.resourceId === me && r.details?.includes('"role"'))).toBe(true);
  });

  it("forces a password reset: new temporary password, must change, sessions gone", async () => {
    const u = (await create({ email: "forgot@example.test", username: "forgot" })).json;
    const { token } = await createSession(u.user.id);
    const res = await act(resetPasswordPost, u.user.id);
    expect(res.status).toBe(200);
    expect(res.json.temporaryPassword).not.toBe(u.temporaryPassword);
    expect(res.json.user.mustChangePassword).toBe(true);
    expect(await actorForSessionToken(token)).toBeNull();
    expect(await checkCredentials("forgot@example.test", u.temporaryPassword)).toBeNull();
    expect((await checkCredentials("forgot@example.test", res.json.temporaryPassword))?.id).toBe(u.user.id);
    expect((await act(resetPasswordPost, root.id)).status).toBe(409);
    const audit = await auditRows("user.password_reset_forced");
    expect(audit.at(-1)?.resourceId).toBe(String(u.user.id));
    expect(audit.at(-1)?.details).not.toContain(res.json.temporaryPassword);
  });

  it("resets MFA: secret and recovery codes gone, sessions gone", async () => {
    const u = (await create({ email: "lostphone@example.test", username: "lostphone" })).json;
    await getDb().user.update({ where: { id: u.user.id }, data: { mfaEnabled: true, totpSecret: "sealed", totpLastStep: 5 } });
    await getDb().mfaRecoveryCode.create({ data: { userId: u.user.id, codeHash: "h" } });
    const { token } = await createSession(u.user.id);
    const res = await act(resetMfaPost, u.user.id);
    expect(res.status).toBe(200);
    expect(res.json.mfaEnabled).toBe(false);
    const row = await getDb().user.findUniqueOrThrow({
      where: { id: u.user.id },
      select: { totpSecret: true, totpLastStep: true },
    });
    expect(row).toEqual({ totpSecret: null, totpLastStep: null });
    expect(await getDb().mfaRecoveryCode.count({ where: { userId: u.user.id } })).toBe(0);
    expect(await actorForSessionToken(token)).toBeNull();
    expect((await auditRows("mfa.reset")).at(-1)?.resourceId).toBe(String(u.user.id));
  });

  it("soft-deletes: sign-in, sessions and API keys end; cards and comments stay; email and username stay reserved", async () => {
    const u = (await create({ email: "leaver@example.test", username: "leaver" })).json;
    const leaverKey = await keyFor(u.user.id, null);
    const { token } = await createSession(u.user.id);
    await call(projectsPost, { key: root.key, body: { name: "Keeps", key: "KEP", slug: "keeps" } });
    await call(membersPost, { key: root.key, params: { slug: "keeps" }, body: { username: "leaver", role: "member" } });
    const card = await call(cardPost, { key: leaverKey.key, params: { slug: "keeps" }, body: { title: "Left behind" } });
    expect(card.status).toBe(201);
    const comment = await call(commentsPost, {
      key: leaverKey.key,
      params: { slug: "keeps", key: card.json.key },
      body: { body: "Handing over" },
    });
    expect(comment.status).toBe(201);

    const res = await call(userDelete, { method: "DELETE", key: root.key, params: { id: String(u.user.id) } });
    expect(res.status).toBe(204);
    expect(await actorForSessionToken(token)).toBeNull();
    expect(await actorForApiKey(leaverKey.key)).toBeNull();
    expect(await getDb().apiKey.count({ where: { userId: u.user.id, revokedAt: null } })).toBe(0);
    expect(await checkCredentials("leaver@example.test", u.temporaryPassword)).toBeNull();

    const kept = await call(cardGet, { key: root.key, params: { slug: "keeps", key: card.json.key } });
    expect(kept.status).toBe(200);
    expect(kept.json.title).toBe("Left behind");
    const comments = await call(commentsGet, { key: root.key, params: { slug: "keeps", key: card.json.key } });
    expect(JSON.stringify(comments.json)).toContain("Handing over");
    expect(comments.json).toEqual([
      expect.objectContaining({ body: "Handing over", user: { id: u.user.id, username: "leaver", former: true } }),
    ]);

    const shown = await call(userGet, { key: root.key, params: { id: String(u.user.id) } });
    expect(shown.json).toMatchObject({ status: "deleted", username: "leaver" });
    expect((await call(usersGet, { key: root.key })).json.users.map((x: { id: number }) => x.id)).not.toContain(u.user.id);
    const former = await call(usersGet, { key: root.key, path: "/api/v1/admin/users?status=deleted" });
    expect(former.json.users.map((x: { id: number }) => x.id)).toEqual([u.user.id]);
    expect((await create({ email: "leaver@example.test", username: "someoneelse" })).status).toBe(409);
    expect((await create({ email: "new@example.test", username: "leaver" })).status).toBe(409);
    // A former user's account no longer changes.
    expect((await act(enablePost, u.user.id)).status).toBe(409);
    expect((await call(userDelete, { method: "DELETE", key: root.key, params: { id: String(u.user.id) } })).status).toBe(409);
    expect((await auditRows("user.deleted")).at(-1)?.resourceId).toBe(String(u.user.id));
  });

  it("documents every admin user route in OpenAPI", () => {
    const paths = openApiDocument().paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths["/api/v1/admin/users"])).toEqual(["get", "post"]);
    expect(Object.keys(paths["/api/v1/admin/users/{id}"])).toEqual(["get", "patch", "delete"]);
    for (const action of ["disable", "enable", "reset-password", "reset-mfa"]) {
      expect(Object.keys(paths[`/api/v1/admin/users/{id}/${action}`])).toEqual(["post"]);
    }
  });
});
