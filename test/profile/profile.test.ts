// The profile REST routes on every engine: own API keys (scoped, expiring, revocable), username,
// avatar upload and serving, own sessions. Real route handlers, real sessions (next-auth cookies
// encoded as the browser gets them), real files under a temporary DATA_DIR.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as keyDelete } from "../../app/api/v1/me/api-keys/[id]/route.ts";
import { GET as keysGet, POST as keysPost } from "../../app/api/v1/me/api-keys/route.ts";
import { DELETE as avatarDelete, POST as avatarPost } from "../../app/api/v1/me/avatar/route.ts";
import { GET as meGet, PATCH as mePatch } from "../../app/api/v1/me/route.ts";
import { DELETE as sessionDelete } from "../../app/api/v1/me/sessions/[id]/route.ts";
import { POST as revokeOthers } from "../../app/api/v1/me/sessions/revoke-others/route.ts";
import { GET as sessionsGet } from "../../app/api/v1/me/sessions/route.ts";
import { GET as projectGet } from "../../app/api/v1/projects/[slug]/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { GET as avatarGet } from "../../app/api/v1/users/[username]/avatar/route.ts";
import { nextAuthSecret } from "../../lib/auth/request.ts";
import { createSession } from "../../lib/auth/sessions.ts";
import { getConfig } from "../../lib/config.ts";
import { getDb } from "../../lib/db/client.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** A browser session for a user: the cookie header next-auth would set, and the session id. */
async function browser(userId: number, userAgent = FIREFOX) {
  const { token, sessionId } = await createSession(userId, { ip: "203.0.113.7", userAgent });
  const jwt = await encode({ token: { sid: token }, secret: nextAuthSecret() });
  return { sessionId, headers: { cookie: `next-auth.session-token=${jwt}`, "user-agent": userAgent } };
}

type Browser = Awaited<ReturnType<typeof browser>>;

/** Calls a route with a binary body (the avatar upload), optionally streamed without a length. */
async function sendBytes(
  handler: (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>,
  who: Browser,
  bytes: Uint8Array,
  options: { contentType?: string; stream?: boolean; declaredLength?: number } = {},
) {
  const headers: Record<string, string> = { ...who.headers, "content-type": options.contentType ?? "image/png" };
  if (options.declaredLength !== undefined) headers["content-length"] = String(options.declaredLength);
  const body = options.stream
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.subarray(i, i + 64 * 1024));
          controller.close();
        },
      })
    : bytes;
  const req = new Request("http://localhost:3000/api/v1/me/avatar", {
    method: "POST",
    headers,
    body,
    ...(options.stream ? { duplex: "half" } : {}),
  } as RequestInit);
  const res = await handler(req, { params: Promise.resolve({}) });
  return { status: res.status, json: await res.json().catch(() => null) };
}

describe.each(availableEngines())("[PROFILE] on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let ann: Person;
  let bob: Person;
  let annWeb: Browser;
  let bobWeb: Browser;
  let slugA: string;
  let slugB: string;
  let slugBob: string;

  beforeAll(async () => {
    world = await freshWorld(engine);
    ann = await person("ann");
    bob = await person("bob");
    annWeb = await browser(ann.id);
    bobWeb = await browser(bob.id);
    slugA = (await call(projectsPost, { key: ann.key, body: { name: "Alpha", key: "ALP" } })).json.slug;
    slugB = (await call(projectsPost, { key: ann.key, body: { name: "Beta", key: "BET" } })).json.slug;
    slugBob = (await call(projectsPost, { key: bob.key, body: { name: "Bobs", key: "BOB" } })).json.slug;
  });
  afterAll(async () => world?.close());

  describe("API keys", () => {
    let scopedKey: string;
    let scopedId: number;

    it("a key scoped to project A reads A and gets 404 on project B", async () => {
      const created = await call(keysPost, { headers: annWeb.headers, body: { name: "ci", projectSlug: slugA } });
      expect(created.status).toBe(201);
      expect(created.json).toMatchObject({ name: "ci", project: { slug: slugA, name: "Alpha" }, status: "active" });
      expect(created.json.key).toMatch(/^wd_/);
      expect(created.json.prefix).toBe(created.json.key.slice(0, 8));
      scopedKey = created.json.key;
      scopedId = created.json.id;

      expect((await call(projectGet, { key: scopedKey, params: { slug: slugA } })).status).toBe(200);
      const other = await call(projectGet, { key: scopedKey, params: { slug: slugB } });
      expect(other.status).toBe(404);
      expect(other.json.error.code).toBe("not_found");
      // The owner's session reads both.
      expect((await call(projectGet, { headers: annWeb.headers, params: { slug: slugB } })).status).toBe(200);
    });

    it("stores only the hash, lists without the raw key, and updates last_used_at", async () => {
      const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: scopedId } });
      expect(JSON.stringify(row)).not.toContain(scopedKey);
      expect(row.lastUsedAt).not.toBeNull();
      await getDb().apiKey.update({ where: { id: scopedId }, data: { lastUsedAt: null } });
      expect((await call(projectGet, { key: scopedKey, params: { slug: slugA } })).status).toBe(200);
      const used = await getDb().apiKey.findUniqueOrThrow({ where: { id: scopedId } });
      expect(used.lastUsedAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);

      const list = await call(keysGet, { headers: annWeb.headers });
      expect(list.status).toBe(200);
      const mine = list.json.apiKeys.find((k: { id: number }) => k.id === scopedId);
      expect(mine).toMatchObject({ name: "ci", status: "active", project: { slug: slugA } });
      expect(mine.lastUsedAt).not.toBeNull();
      expect(JSON.stringify(list.json)).not.toContain(scopedKey);
      // Bob's list does not show Ann's keys.
      const bobs = await call(keysGet, { headers: bobWeb.headers });
      expect(bobs.json.apiKeys.map((k: { id: number }) => k.id)).not.toContain(scopedId);
    });

    it("an expired key gets 401, and a past expiry is refused at creation", async () => {
      const past = await call(keysPost, {
        headers: annWeb.headers,
        body: { name: "old", expiresAt: new Date(Date.now() - 60_000).toISOString() },
      });
      expect(past.status).toBe(400);
      const created = await call(keysPost, {
        headers: annWeb.headers,
        body: { name: "soon", expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
      });
      expect(created.status).toBe(201);
      expect((await call(meGet, { key: created.json.key })).status).toBe(200);
      await getDb().apiKey.update({ where: { id: created.json.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const res = await call(meGet, { key: created.json.key });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("unauthorized");
      const list = await call(keysGet, { headers: annWeb.headers });
      expect(list.json.apiKeys.find((k: { id: number }) => k.id === created.json.id).status).toBe("expired");
    });

    it("a revoked key gets 401; another user's key id is 404; both are audited", async () => {
      expect(
        (await call(keyDelete, { method: "DELETE", headers: bobWeb.headers, params: { id: String(scopedId) } })).status,
      ).toBe(404);
      expect((await call(projectGet, { key: scopedKey, params: { slug: slugA } })).status).toBe(200);
      const revoked = await call(keyDelete, { method: "DELETE", headers: annWeb.headers, params: { id: String(scopedId) } });
      expect(revoked.status).toBe(200);
      expect(revoked.json).toMatchObject({ id: scopedId, status: "revoked" });
      expect((await call(projectGet, { key: scopedKey, params: { slug: slugA } })).status).toBe(401);
      expect((await call(meGet, { key: scopedKey })).status).toBe(401);
      const audit = await getDb().auditLog.findMany({ where: { resourceType: "api_key", resourceId: String(scopedId) } });
      expect(audit.map((a) => a.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
      expect(audit.every((a) => a.userId === ann.id)).toBe(true);
      expect(JSON.stringify(audit)).not.toContain(scopedKey);
      const bad = await call(keyDelete, { method: "DELETE", headers: annWeb.headers, params: { id: "abc" } });
      expect(bad.status).toBe(400);
    });

    it("a key can be scoped only to a project its owner can read, and keys cannot mint keys", async () => {
      const foreign = await call(keysPost, { headers: annWeb.headers, body: { name: "x", projectSlug: slugBob } });
      expect(foreign.status).toBe(404);
      const missing = await call(keysPost, { headers: annWeb.headers, body: { name: "x", projectSlug: "no-such-project" } });
      expect(missing.status).toBe(404);
      const byKey = await call(keysPost, { key: ann.key, body: { name: "minted" } });
      expect(byKey.status).toBe(403);
      const noName = await call(keysPost, { headers: annWeb.headers, body: { name: " " } });
      expect(noName.status).toBe(400);
    });
  });

  describe("username", () => {
    it("GET /me answers the profile, for a session or a key", async () => {
      const me = await call(meGet, { headers: annWeb.headers });
      expect(me.status).toBe(200);
      expect(me.json).toMatchObject({ id: ann.id, username: "ann", mfaEnabled: false, avatarUrl: null });
      expect(JSON.stringify(me.json)).not.toMatch(/password|totp/i);
      expect((await call(meGet, { key: bob.key })).json.username).toBe("bob");
      expect((await call(meGet)).status).toBe(401);
    });

    it("a taken username is a 409, an invalid one a 400, a free one is saved and audited", async () => {
      const taken = await call(mePatch, { method: "PATCH", headers: annWeb.headers, body: { username: "bob" } });
      expect(taken.status).toBe(409);
      expect(taken.json.error.code).toBe("conflict");
      const invalid = await call(mePatch, { method: "PATCH", headers: annWeb.headers, body: { username: "-nope" } });
      expect(invalid.status).toBe(400);
      const tooShort = await call(mePatch, { method: "PATCH", headers: annWeb.headers, body: { username: "a" } });
      expect(tooShort.status).toBe(400);
      const byKey = await call(mePatch, { method: "PATCH", key: ann.key, body: { username: "annie" } });
      expect(byKey.status).toBe(403);
      const ok = await call(mePatch, { method: "PATCH", headers: annWeb.headers, body: { username: "annie" } });
      expect(ok.status).toBe(200);
      expect(ok.json.username).toBe("annie");
      expect((await call(meGet, { headers: annWeb.headers })).json.username).toBe("annie");
      const audit = await getDb().auditLog.findFirst({ where: { action: "user.updated", userId: ann.id } });
      expect(audit?.details).toContain("annie");
      // Back, so the other tests read naturally.
      expect((await call(mePatch, { method: "PATCH", headers: annWeb.headers, body: { username: "ann" } })).status).toBe(200);
    });
  });

  describe("avatar", () => {
    const avatarDir = () => join(getConfig().dataDir, "avatars");

    it("accepts a real PNG, serves it to signed-in users with safe headers, and replaces the old file", async () => {
      const up = await sendBytes(avatarPost, annWeb, PNG, { contentType: "application/octet-stream" });
      expect(up.status).toBe(201);
      expect(up.json.avatarUrl).toMatch(/^\/api\/v1\/users\/ann\/avatar\?v=/);
      const stored = (await getDb().user.findUniqueOrThrow({ where: { id: ann.id } })).avatar as string;
      expect(stored).toMatch(/^[0-9a-f]{32}\.png$/);
      expect(readdirSync(avatarDir())).toContain(stored);

      const req = new Request("http://localhost:3000/api/v1/users/ann/avatar", { headers: bobWeb.headers });
      const res = await avatarGet(req, { params: Promise.resolve({ username: "ann" }) });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toMatch(/^private/);
      expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
      expect((await call(meGet, { headers: annWeb.headers })).json.avatarUrl).toBe(up.json.avatarUrl);

      const anonymous = await avatarGet(new Request("http://localhost:3000/api/v1/users/ann/avatar"), {
        params: Promise.resolve({ username: "ann" }),
      });
      expect(anonymous.status).toBe(401);

      const again = await sendBytes(avatarPost, annWeb, PNG, { stream: true });
      expect(again.status).toBe(201);
      const files = readdirSync(avatarDir());
      expect(files).not.toContain(stored);
      expect(files).toContain((await getDb().user.findUniqueOrThrow({ where: { id: ann.id } })).avatar);
    });

    it("refuses an HTML file named .png (415), whatever the client says", async () => {
      const html = Buffer.from("<!doctype html><html><body><script>alert(1)</script></body></html>");
      const res = await sendBytes(avatarPost, bobWeb, html, { contentType: "image/png" });
      expect(res.status).toBe(415);
      expect(res.json.error.code).toBe("unsupported_media_type");
      expect((await getDb().user.findUniqueOrThrow({ where: { id: bob.id } })).avatar).toBeNull();
      const empty = await sendBytes(avatarPost, bobWeb, new Uint8Array(0));
      expect(empty.status).toBe(400);
    });

    it("refuses more than 2 MB (declared or streamed) and honours a lower max_upload_mb (413)", async () => {
      const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
      const declared = await sendBytes(avatarPost, bobWeb, big);
      expect(declared.status).toBe(413);
      expect(declared.json.error.message).toMatch(/2 MB/);
      const streamed = await sendBytes(avatarPost, bobWeb, big, { stream: true });
      expect(streamed.status).toBe(413);

      const admin = await person("root", { admin: true });
      await updateSettings(admin.actor, { max_upload_mb: 1 });
      const overSetting = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
      const limited = await sendBytes(avatarPost, bobWeb, overSetting, { stream: true });
      expect(limited.status).toBe(413);
      expect(limited.json.error.message).toMatch(/1 MB/);
      await updateSettings(admin.actor, { max_upload_mb: 25 });
      expect((await sendBytes(avatarPost, bobWeb, overSetting)).status).toBe(201);
    });

    it("removes the avatar: the file goes, the route answers 404", async () => {
      const stored = (await getDb().user.findUniqueOrThrow({ where: { id: ann.id } })).avatar as string;
      const res = await call(avatarDelete, { method: "DELETE", headers: annWeb.headers });
      expect(res.status).toBe(204);
      expect(readdirSync(avatarDir())).not.toContain(stored);
      const gone = await avatarGet(new Request("http://localhost:3000/api/v1/users/ann/avatar", { headers: bobWeb.headers }), {
        params: Promise.resolve({ username: "ann" }),
      });
      expect(gone.status).toBe(404);
      const nobody = await avatarGet(
        new Request("http://localhost:3000/api/v1/users/nobody/avatar", { headers: bobWeb.headers }),
        {
          params: Promise.resolve({ username: "nobody" }),
        },
      );
      expect(nobody.status).toBe(404);
    });
  });

  describe("sessions", () => {
    it("lists own sessions with device and the current one marked", async () => {
      const phone = await browser(
        ann.id,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
      );
      const res = await call(sessionsGet, { headers: annWeb.headers });
      expect(res.status).toBe(200);
      const byId = new Map(res.json.sessions.map((s: { id: number }) => [s.id, s]));
      expect(byId.get(annWeb.sessionId)).toMatchObject({ current: true, device: "Firefox · Linux", ip: "203.0.113.7" });
      expect(byId.get(phone.sessionId)).toMatchObject({ current: false, device: "Safari · iOS" });
      expect(byId.has(bobWeb.sessionId)).toBe(false);
    });

    it("revokes one session (its cookie stops working); another user's session id is 404", async () => {
      const other = await browser(ann.id);
      expect((await call(meGet, { headers: other.headers })).status).toBe(200);
      const res = await call(sessionDelete, {
        method: "DELETE",
        headers: annWeb.headers,
        params: { id: String(other.sessionId) },
      });
      expect(res.status).toBe(204);
      expect((await call(meGet, { headers: other.headers })).status).toBe(401);
      const foreign = await call(sessionDelete, {
        method: "DELETE",
        headers: annWeb.headers,
        params: { id: String(bobWeb.sessionId) },
      });
      expect(foreign.status).toBe(404);
      expect((await call(meGet, { headers: bobWeb.headers })).status).toBe(200);
      const audit = await getDb().auditLog.findFirst({
        where: { action: "session.revoked", resourceId: String(other.sessionId) },
      });
      expect(audit?.userId).toBe(ann.id);
    });

    it("signs out all other sessions and keeps the current one (and other users')", async () => {
      const a = await browser(ann.id);
      const b = await browser(ann.id);
      const res = await call(revokeOthers, { method: "POST", headers: annWeb.headers });
      expect(res.status).toBe(200);
      expect(res.json.revoked).toBeGreaterThanOrEqual(2);
      expect((await call(meGet, { headers: a.headers })).status).toBe(401);
      expect((await call(meGet, { headers: b.headers })).status).toBe(401);
      expect((await call(meGet, { headers: annWeb.headers })).status).toBe(200);
      expect((await call(meGet, { headers: bobWeb.headers })).status).toBe(200);
      const list = await call(sessionsGet, { headers: annWeb.headers });
      expect(list.json.sessions.map((s: { id: number }) => s.id)).toEqual([annWeb.sessionId]);
      // With an API key there is no "this session" to keep: refused rather than signing everything out.
      expect((await call(revokeOthers, { method: "POST", key: ann.key })).status).toBe(403);
    });
  });
});
