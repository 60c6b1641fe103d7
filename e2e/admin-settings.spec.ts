// System settings in the browser: an admin renames the instance and the header of the next page
// shows the new name (read per request, no restart). With E2E_SHOTS=1 it also takes screenshots of
// the settings, audit, forgot-password and reset-password pages (light/dark, en/de) into
// /tmp/shots/d2.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { apiJson, signedInContext, type TestUser, uniq } from "./support/fixtures.ts";
import { type APIRequestContext, type Browser, expect, test } from "./support/test.ts";

const run = promisify(execFile);
const SHOTS = "/tmp/shots/d2";

async function createAdmin(language: "en" | "de" = "en"): Promise<TestUser> {
  const username = `settings.${uniq()}`;
  const user = { email: `${username}@e2e.test`, username, password: "correct horse battery", language, admin: true };
  await run(process.execPath, ["--import", "tsx", "e2e/support/create-users.ts", JSON.stringify([user])], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
  });
  return user;
}

type Settings = { instance_name: string; smtp_host: string; smtp_from: string; smtp_port: number };
const patch = (request: APIRequestContext, body: Record<string, unknown>) =>
  apiJson<Settings>(request, "PATCH", "/api/v1/admin/settings", body);

test("[SETTINGS]: a new instance name shows in the header of the next page", async ({ browser }) => {
  const admin = await createAdmin();
  const ctx = await signedInContext(browser, admin);
  const before = await apiJson<Settings>(ctx.request, "GET", "/api/v1/admin/settings");
  const name = `Desk ${uniq().slice(-6)}`;
  try {
    const page = await ctx.newPage();
    await page.goto("/admin/settings");
    const field = page.getByLabel("Instance name");
    await expect(field).toHaveValue(before.instance_name);
    await field.fill(name);
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/v1/admin/settings") && r.request().method() === "PATCH");
    await page.getByRole("region", { name: "Branding" }).getByRole("button", { name: "Save" }).click();
    expect((await saved).status()).toBe(200);
    await page.goto("/");
    await expect(page.locator("header").getByText(name, { exact: true })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(name));
  } finally {
    await patch(ctx.request, { instance_name: before.instance_name });
    await ctx.close();
  }
});

test("[SETTINGS]: non-admins do not find the settings or audit pages", async ({ browser }) => {
  const { createUsers } = await import("./support/fixtures.ts");
  const [user] = await createUsers(1);
  const ctx = await signedInContext(browser, user);
  const page = await ctx.newPage();
  for (const path of ["/admin/settings", "/admin/audit"]) {
    const res = await page.goto(path, { waitUntil: "commit" });
    expect(res?.status(), path).toBe(404);
  }
  expect((await ctx.request.get("/api/v1/admin/settings")).status()).toBe(404);
  await ctx.close();
});

async function shoot(browser: Browser, language: "en" | "de", scheme: "light" | "dark") {
  const admin = await createAdmin(language);
  const ctx = await signedInContext(browser, admin, { colorScheme: scheme });
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: `${SHOTS}/settings-${language}-${scheme}.png`, fullPage: true });
  await page.goto(`/admin/audit?q=${encodeURIComponent(admin.username)}`);
  await page.goto("/admin/audit");
  await expect(page.locator("table")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/audit-${language}-${scheme}.png`, fullPage: true });
  await page.goto("/admin/audit?action=auth.&from=2026-01-01");
  await page.screenshot({ path: `${SHOTS}/audit-filtered-${language}-${scheme}.png`, fullPage: false });
  await ctx.close();

  const visitor = await browser.newContext({ colorScheme: scheme, locale: language === "de" ? "de-DE" : "en-US" });
  const v = await visitor.newPage();
  await v.setViewportSize({ width: 900, height: 760 });
  await v.goto("/forgot-password");
  await v.screenshot({ path: `${SHOTS}/forgot-${language}-${scheme}.png` });
  await v.goto("/reset-password?token=not-a-real-token-at-all-xxxxxxxx");
  await v.screenshot({ path: `${SHOTS}/reset-invalid-${language}-${scheme}.png` });
  await visitor.close();
}

const PNG_LOGO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAH0lEQVR4nGMQaHD4TwlmGDWABgYQAiPBgIGPhRFoAAAKtxS/GPB00wAAAABJRU5ErkJggg==",
  "base64",
);

/** Branding applied (accent colour, logo) and the email pages with email configured: the shared
 * settings are changed for a few seconds and restored. */
async function shootBranding(browser: Browser) {
  const admin = await createAdmin();
  const ctx = await signedInContext(browser, admin);
  const before = await apiJson<Settings & { accent_color: string; smtp_tls: string }>(
    ctx.request,
    "GET",
    "/api/v1/admin/settings",
  );
  try {
    await patch(ctx.request, {
      accent_color: "#2563eb",
      smtp_host: "127.0.0.1",
      smtp_port: 2525,
      smtp_from: "desk@example.test",
    });
    const up = await ctx.request.post("/api/v1/admin/settings/logo", {
      multipart: { file: { name: "logo.png", mimeType: "image/png", buffer: PNG_LOGO } },
    });
    expect(up.status()).toBe(200);
    for (const scheme of ["light", "dark"] as const) {
      const page = await ctx.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 700 });
      await page.goto("/admin/settings");
      await expect(page.locator("header img")).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/branding-settings-${scheme}.png` });
      await page.close();
      for (const language of ["en", "de"] as const) {
        const visitor = await browser.newContext({ colorScheme: scheme, locale: language === "de" ? "de-DE" : "en-US" });
        const v = await visitor.newPage();
        await v.setViewportSize({ width: 900, height: 760 });
        await v.goto("/sign-in");
        await v.screenshot({ path: `${SHOTS}/branding-sign-in-${language}-${scheme}.png` });
        await v.goto("/forgot-password");
        await v.screenshot({ path: `${SHOTS}/forgot-form-${language}-${scheme}.png` });
        await v.getByLabel(/E-?Mail/i).fill(`nobody.${uniq()}@example.test`);
        await v.getByRole("button").click();
        // The first request compiles the route in dev mode.
        await expect(v.getByRole("status")).toBeVisible({ timeout: 60_000 });
        await v.screenshot({ path: `${SHOTS}/forgot-sent-${language}-${scheme}.png` });
        await visitor.close();
      }
    }
  } finally {
    await ctx.request.delete("/api/v1/admin/settings/logo");
    await patch(ctx.request, {
      accent_color: before.accent_color,
      smtp_host: before.smtp_host,
      smtp_port: before.smtp_port,
      smtp_from: before.smtp_from,
    });
    await ctx.close();
  }
}

test.describe("[SHOTS] settings and audit", () => {
  test.skip(!process.env.E2E_SHOTS, "screenshots only with E2E_SHOTS=1");
  // One after another: the branding shots change shared settings for a moment.
  test.describe.configure({ timeout: 300_000, mode: "serial" });
  test("[SHOTS]: branding applied, email pages", async ({ browser }) => {
    await shootBranding(browser);
  });
  for (const language of ["en", "de"] as const) {
    for (const scheme of ["light", "dark"] as const) {
      test(`[SHOTS]: settings and audit, ${language} ${scheme}`, async ({ browser }) => {
        await shoot(browser, language, scheme);
      });
    }
  }
});
