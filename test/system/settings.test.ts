// System settings through the REST routes on every engine: read at request time (a change is seen
// by the very next call, no restart), admins only (404 for others), invalid values refused with
// nothing changed, the logo checked by its bytes and served publicly with nosniff.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as logoGet } from "../../app/api/branding/logo/route.ts";
import { DELETE as logoDelete, POST as logoPost } from "../../app/api/v1/admin/settings/logo/route.ts";
import { GET as settingsGet, PATCH as settingsPatch } from "../../app/api/v1/admin/settings/route.ts";
import { actorForSessionToken, createSession } from "../../lib/auth/sessions.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { accentCss, contrast, readableOn } from "../../lib/settings/colors.ts";
import { getInstanceName } from "../../lib/settings/instance-name.ts";
import { visitorLanguage } from "../../lib/settings/language.ts";
import { call, freshWorld, keyFor, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

async function upload(key: string, bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name, { type }));
  const req = new Request("http://localhost:3000/api/v1/admin/settings/logo", {
    method: "POST",
    headers: { authorization: `Bearer ${key}` },
    body: form,
  });
  const res = await logoPost(req, { params: Promise.resolve({}) });
  return { status: res.status, json: await res.json() };
}

const storedSettings = async () =>
  (await getDb().systemSetting.findMany({ orderBy: { key: "asc" }, select: { key: true, value: true } })).map(
    (r) => `${r.key}=${r.value}`,
  );

describe.each(availableEngines())("[SETTINGS] system settings on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let admin: Person;
  let user: Person;

  beforeAll(async () => {
    world = await freshWorld(engine);
    admin = await person("root", { admin: true });
    user = await person("plain");
  });
  afterAll(() => world.close());

  it("a new instance name is seen by the very next read", async () => {
    expect(await getInstanceName()).toBe("WarmDesk");
    const res = await call(settingsPatch, { method: "PATCH", key: admin.key, body: { instance_name: "  Acme Desk " } });
    expect(res.status).toBe(200);
    expect(res.json.instance_name).toBe("Acme Desk");
    expect(await getInstanceName()).toBe("Acme Desk");
    expect((await call(settingsGet, { key: admin.key })).json.instance_name).toBe("Acme Desk");
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "settings.updated" }, orderBy: { id: "desc" } });
    expect(JSON.parse(audit.details ?? "{}")).toEqual({ instance_name: "Acme Desk" });
  });

  it("a shorter idle timeout signs out an idle session at once", async () => {
    const { token, sessionId } = await createSession(user.id);
    await getDb().session.update({ where: { id: sessionId }, data: { lastActiveAt: new Date(Date.now() - 30 * 60_000) } });
    expect(await actorForSessionToken(token)).not.toBeNull();
    await getDb().session.update({ where: { id: sessionId }, data: { lastActiveAt: new Date(Date.now() - 30 * 60_000) } });
    const res = await call(settingsPatch, { method: "PATCH", key: admin.key, body: { session_idle_minutes: 20 } });
    expect(res.status).toBe(200);
    expect(await actorForSessionToken(token)).toBeNull();
    const fresh = await createSession(user.id);
    expect(await actorForSessionToken(fresh.token)).not.toBeNull();
    await call(settingsPatch, { method: "PATCH", key: admin.key, body: { session_idle_minutes: 7 * 24 * 60 } });
  });

  it("answers 404 to non-admins, for reading and writing", async () => {
    const before = await storedSettings();
    expect((await call(settingsGet, { key: user.key })).status).toBe(404);
    expect((await call(settingsPatch, { method: "PATCH", key: user.key, body: { instance_name: "Mine" } })).status).toBe(404);
    expect((await upload(user.key, PNG, "logo.png", "image/png")).status).toBe(404);
    expect((await call(settingsGet, {})).status).toBe(401);
    expect(await storedSettings()).toEqual(before);
  });

  it("answers 404 to a system admin's key that is limited to one project", async () => {
    const project = await createProject(admin.actor, { name: "Scoped", key: "SCO" });
    const scoped = await keyFor(admin.id, project.id);
    const before = await storedSettings();
    expect((await call(settingsGet, { key: scoped.key })).status).toBe(404);
    expect((await call(settingsPatch, { method: "PATCH", key: scoped.key, body: { instance_name: "Scoped" } })).status).toBe(404);
    expect((await upload(scoped.key, PNG, "logo.png", "image/png")).status).toBe(404);
    expect(await storedSettings()).toEqual(before);
  });

  it("refuses invalid values with 400 and changes nothing", async () => {
    const before = await storedSettings();
    const bad: Record<string, unknown>[] = [
      { session_idle_minutes: 2 },
      { session_idle_minutes: "soon" },
      { accent_color: "red" },
      { instance_name: "" },
      { smtp_port: 70000 },
      { smtp_tls: "ssl" },
      { smtp_from: "not an address" },
      { default_language: "sv" },
      { allow_signup: "yes" },
      { logo: "../../auth-secret" },
      { unknown_setting: 1 },
      // One bad value spoils the whole change: the valid one is not applied either.
      { instance_name: "Half applied", lockout_threshold: 1 },
    ];
    for (const body of bad) {
      const res = await call(settingsPatch, { method: "PATCH", key: admin.key, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe("validation");
    }
    expect((await call(settingsPatch, { method: "PATCH", key: admin.key, rawBody: "{nope" })).status).toBe(400);
    expect(await storedSettings()).toEqual(before);
    expect(await getInstanceName()).toBe("Acme Desk");
  });

  it("takes a PNG logo by its bytes, serves it publicly with nosniff, and removes it", async () => {
    const fake = await upload(admin.key, Buffer.from("<svg onload=alert(1)></svg>"), "logo.png", "image/png");
    expect(fake.status).toBe(415);
    const ok = await upload(admin.key, PNG, "whatever.gif", "image/gif");
    expect(ok.status).toBe(200);
    expect(ok.json.logo).toMatch(/^[0-9a-f]{32}\.png$/);
    const served = await logoGet();
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    const removed = await logoDelete(
      new Request("http://localhost:3000/api/v1/admin/settings/logo", {
        method: "DELETE",
        headers: { authorization: `Bearer ${admin.key}` },
      }),
      { params: Promise.resolve({}) },
    );
    expect(removed.status).toBe(200);
    expect((await removed.json()).logo).toBe("");
    expect((await logoGet()).status).toBe(404);
  });

  it("uses the default language for visitors whose browser names none of WarmDesk's languages", async () => {
    expect(await visitorLanguage("sv-SE,sv;q=0.9")).toBe("en");
    await call(settingsPatch, { method: "PATCH", key: admin.key, body: { default_language: "de" } });
    expect(await visitorLanguage("sv-SE,sv;q=0.9")).toBe("de");
    expect(await visitorLanguage("fr-FR,fr;q=0.9")).toBe("fr");
    expect(await visitorLanguage(null)).toBe("de");
    expect(await visitorLanguage("en-GB,en;q=0.8")).toBe("en");
  });
});

describe("[SETTINGS] accent colour", () => {
  it("keeps text readable on any accent, in light and dark", () => {
    expect(readableOn("#ffeb3b")).toBe("#1d1b19");
    expect(readableOn("#1f3a93")).toBe("#ffffff");
    for (const hex of ["#ffeb3b", "#1f3a93", "#000000", "#ffffff", "#7c3aed", "#16a34a"]) {
      const css = accentCss(hex);
      const pairs = [
        ...css.matchAll(
          /--wd-accent:light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\);--wd-accent-hover:light-dark\([^)]*\);--wd-accent-fg:light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)/g,
        ),
      ][0];
      expect(pairs, hex).toBeDefined();
      const [, lightAccent, darkAccent, lightFg, darkFg] = pairs as RegExpMatchArray;
      expect(contrast(lightAccent, lightFg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(darkAccent, darkFg)).toBeGreaterThanOrEqual(4.5);
    }
    expect(accentCss("#c2481d")).toBe("");
  });
});

describe("[SETTINGS] OpenAPI", () => {
  it("documents the system routes, without a way to set the logo name directly", async () => {
    const { openApiDocument } = await import("../../lib/openapi/spec.ts");
    const doc = openApiDocument() as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/admin/settings",
        "/api/v1/admin/settings/test-email",
        "/api/v1/admin/settings/logo",
        "/api/v1/admin/audit",
        "/api/branding/logo",
        "/api/auth/password-reset/request",
        "/api/auth/password-reset/confirm",
      ]),
    );
    expect(Object.keys(doc.paths["/api/v1/admin/settings"])).toEqual(["get", "patch"]);
    expect(doc.components.schemas.SettingsPatch.properties).toHaveProperty("smtp_password");
  });
});
