// The profile page in a real browser: language, API keys (shown once, and they work), sessions.
import { mkdirSync } from "node:fs";
import { createProject, createUsers, signedInContext, signIn } from "./support/fixtures.ts";
import { expect, type Page, test } from "./support/test.ts";

/** Opens the profile page and waits until it is interactive (hydrated). */
async function openProfile(page: Page, hash = "") {
  await page.goto(`/profile${hash}`);
  await expect(page.locator('nav[data-ready="true"]')).toBeAttached();
}

test("[PROFILE] changing the language on the profile page switches the interface", async ({ browser }) => {
  const [user] = await createUsers(1, "en", ["lang"]);
  const context = await signedInContext(browser, user);
  const page = await context.newPage();
  await openProfile(page);
  await expect(page.getByRole("heading", { level: 1, name: "Profile", exact: true })).toBeVisible();
  await page.getByLabel("Language").selectOption("de");
  await expect(page.getByRole("heading", { level: 1, name: "Profil", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Sitzungen", exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Profil", exact: true })).toBeVisible();
  await context.close();
});

test("[PROFILE] an API key is shown once, works with fetch, and can be revoked", async ({ browser, playwright }) => {
  const [user] = await createUsers(1, "en", ["keys"]);
  const context = await signedInContext(browser, user);
  const project = await createProject(context.request);
  const page = await context.newPage();
  await openProfile(page, "#api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill("e2e script");
  await dialog.getByLabel("Project").selectOption(project.slug);
  await dialog.getByRole("button", { name: "Create" }).click();

  const shown = page.getByRole("dialog", { name: "Your new API key" });
  const key = await shown.getByTestId("new-api-key").inputValue();
  expect(key).toMatch(/^wd_/);

  // The key works from a client without cookies, limited to its project: the account behind it
  // (profile, sessions, other keys) is not its business (403).
  const script = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const ok = await script.get(`/api/v1/projects/${project.slug}`, { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  const me = await script.get("/api/v1/me", { headers: { authorization: `Bearer ${key}` } });
  expect(me.status()).toBe(403);

  await shown.getByRole("button", { name: "I have copied it" }).click();
  await expect(shown).toBeHidden();
  const row = page.getByTestId("api-key-row").filter({ hasText: "e2e script" });
  await expect(row).toContainText(key.slice(0, 8));
  await expect(row).toContainText(project.name);
  await expect(row).toContainText("Active");

  // Shown once: after a reload only the prefix is on the page.
  await openProfile(page, "#api-keys");
  expect(await page.content()).not.toContain(key);

  await page.getByRole("button", { name: "Revoke API key e2e script" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("api-key-row").filter({ hasText: "e2e script" })).toContainText("Revoked");
  const after = await script.get(`/api/v1/projects/${project.slug}`, { headers: { authorization: `Bearer ${key}` } });
  expect(after.status()).toBe(401);
  await script.dispose();
  await context.close();
});

test("[PROFILE] revoking another session signs that browser out; this one stays", async ({ browser }) => {
  const [user] = await createUsers(1, "en", ["sess"]);
  const laptop = await signedInContext(browser, user);
  const phone = await browser.newContext();
  await signIn(phone.request, user);
  expect((await phone.request.get("/api/v1/me")).status()).toBe(200);

  const page = await laptop.newPage();
  await openProfile(page, "#sessions");
  const rows = page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  const current = rows.filter({ hasText: "This device" });
  await expect(current).toHaveCount(1);
  const other = rows.filter({ hasNotText: "This device" });
  await other.getByRole("button", { name: /^Sign out session/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(page.locator("section#sessions [aria-live]")).toHaveText("Session signed out.");

  expect((await phone.request.get("/api/v1/me")).status()).toBe(401);
  expect((await laptop.request.get("/api/v1/me")).status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("session-row")).toHaveCount(1);
  await laptop.close();
  await phone.close();
});

/** A colourful 800×500 PNG drawn by the browser itself (a stand-in for a photo). */
async function photo(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = 800;
    canvas.height = 500;
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    const gradient = ctx.createLinearGradient(0, 0, 800, 500);
    gradient.addColorStop(0, "#f59e0b");
    gradient.addColorStop(1, "#7c3aed");
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, 800, 500);
    ctx.fillStyle = "#fff";
    ctx.beginPath();
    ctx.arc(400, 220, 110, 0, Math.PI * 2);
    ctx.fill();
    return canvas.toDataURL("image/png");
  });
  return Buffer.from(dataUrl.split(",")[1], "base64");
}

test("[PROFILE] an avatar is cropped in the browser, uploaded, shown in the header, and removed", async ({ browser }) => {
  const [user] = await createUsers(1, "en", ["pic"]);
  const context = await signedInContext(browser, user);
  const page = await context.newPage();
  await openProfile(page, "#avatar");
  await page.getByLabel("Upload picture").setInputFiles({ name: "me.png", mimeType: "image/png", buffer: await photo(page) });
  const dialog = page.getByRole("dialog", { name: "Crop your picture" });
  await dialog.getByRole("slider", { name: "Zoom" }).fill("1.5");
  await dialog.getByRole("img", { name: /Crop area/ }).press("ArrowLeft");
  await dialog.getByRole("button", { name: "Save avatar" }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const section = page.locator("section#avatar");
  await expect(section.locator("img")).toHaveAttribute("src", /\/api\/v1\/users\/.+\/avatar\?v=/);

  // After a reload the header shows it too, served with its real type.
  await openProfile(page, "#avatar");
  const headerImage = page.getByRole("banner").locator("img").first();
  const src = (await headerImage.getAttribute("src")) as string;
  expect(src).toContain(`/api/v1/users/${encodeURIComponent(user.username)}/avatar`);
  const res = await context.request.get(src);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^image\/(webp|png|jpeg)$/);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");

  await section.getByRole("button", { name: "Remove" }).click();
  await expect(section.locator("img")).toHaveCount(0);
  expect((await context.request.get(src)).status()).toBe(404);
  await context.close();
});

// Screenshots for design review (light/dark × en/de), only with E2E_SHOTS=1.
for (const language of ["en", "de"] as const) {
  for (const scheme of ["light", "dark"] as const) {
    test(`[SHOTS] profile page in ${language}, ${scheme}`, async ({ browser }) => {
      test.skip(!process.env.E2E_SHOTS, "screenshots only with E2E_SHOTS=1");
      test.setTimeout(300_000);
      const dir = process.env.E2E_SHOTS_DIR ?? "tmp/shots";
      mkdirSync(dir, { recursive: true });
      const [user] = await createUsers(1, language, ["anna"]);
      const context = await signedInContext(browser, user, { colorScheme: scheme });
      await signIn((await browser.newContext()).request, user);
      const project = await createProject(context.request, language === "de" ? "Website-Relaunch" : "Website relaunch");
      await context.request.post("/api/v1/me/api-keys", { data: { name: "CI deploy", projectSlug: project.slug } });
      await context.request.post("/api/v1/me/api-keys", { data: { name: "Reporting script" } });
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await openProfile(page);
      await expect(page.getByTestId("api-key-row")).toHaveCount(2);
      await page.screenshot({ path: `${dir}/profile-${language}-${scheme}.png`, fullPage: true });
      await page.getByRole("button", { name: language === "de" ? "API-Schlüssel erstellen" : "Create API key" }).click();
      await page.screenshot({ path: `${dir}/profile-${language}-${scheme}-create-key.png` });
      await page.keyboard.press("Escape");
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: await photo(page) });
      await expect(page.getByRole("dialog")).toBeVisible();
      await page.screenshot({ path: `${dir}/profile-${language}-${scheme}-crop.png` });
      await page.getByRole("dialog").getByRole("button").last().click();
      await expect(page.locator("section#avatar img")).toHaveCount(1, { timeout: 30_000 });
      await openProfile(page);
      await expect(page.getByRole("banner").locator("img")).toHaveCount(1);
      // Wait until the pictures have loaded (the first request compiles the route in dev mode).
      await expect
        .poll(() => page.locator("img").evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)), {
          timeout: 60_000,
        })
        .toBe(true);
      await page.screenshot({ path: `${dir}/profile-${language}-${scheme}-avatar.png` });
      await context.close();
    });
  }
}
