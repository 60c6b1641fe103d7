// User administration in the browser: an admin disables a user whose browser is signed in, and the
// user's next navigation lands on the sign-in page; an admin creates a user and is shown the
// temporary password once, which then signs the new user in. Screenshots with E2E_SHOTS=1.

import { createAdmin } from "./support/admin.ts";
import { closeAll, createUsers, signedInContext, uniq } from "./support/fixtures.ts";
import { expect, type Page, test } from "./support/test.ts";

// Creating a user hashes a password (bcrypt, cost 12) and actions wait for the database: on a busy
// machine that takes seconds, so answers get more time than the default 10 s.
const SLOW = { timeout: 20_000 };

/** Opens an admin page and waits until it is interactive (hydrated). */
async function openAdmin(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('[data-admin-ready="true"]')).toBeAttached(SLOW);
}

async function openUser(page: Page, username: string) {
  await openAdmin(page, `/admin/users?q=${encodeURIComponent(username)}`);
  const row = page.locator(`tr[data-username="${username}"]`);
  await expect(row).toBeVisible();
  return row;
}

test("[ADMIN]: disabling a signed-in user signs their browser out at the next navigation; enabling lets them back in", async ({
  browser,
}) => {
  const admin = await createAdmin();
  const [user] = await createUsers(1, "en", ["leaver"]);
  const adminCtx = await signedInContext(browser, admin);
  const userCtx = await signedInContext(browser, user);
  const userPage = await userCtx.newPage();
  await userPage.goto("/");
  await expect(userPage.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();

  const page = await adminCtx.newPage();
  const row = await openUser(page, user.username);
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: `Actions for ${user.username}` }).click();
  await page.getByRole("menuitem", { name: "Disable…" }).click();
  const dialog = page.getByRole("dialog", { name: `Disable ${user.username}?` });
  await dialog.getByRole("button", { name: "Disable", exact: true }).click();
  await expect(page.getByText(`${user.username} is disabled and signed out.`, { exact: true })).toBeVisible(SLOW);
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();

  // The user's next navigation is signed out, and so is their API access.
  await userPage.goto("/");
  await expect(userPage).toHaveURL(/\/sign-in/);
  expect((await userCtx.request.get("/api/v1/projects")).status()).toBe(401);

  // Enabled again, they can sign in once more.
  await row.getByRole("button", { name: `Actions for ${user.username}` }).click();
  await page.getByRole("menuitem", { name: "Enable" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Enable", exact: true }).click();
  await expect(row.getByText("Active", { exact: true })).toBeVisible(SLOW);
  const again = await signedInContext(browser, user);
  expect((await again.request.get("/api/v1/projects")).status()).toBe(200);
  await closeAll(adminCtx, userCtx, again);
});

test("[ADMIN]: creating a user shows the temporary password once; it signs the new user in", async ({ browser }) => {
  const admin = await createAdmin();
  const adminCtx = await signedInContext(browser, admin);
  const page = await adminCtx.newPage();
  await openAdmin(page, "/admin");
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");

  const username = `newbie.${uniq()}`;
  await page.getByRole("button", { name: "New user" }).click();
  const form = page.getByRole("dialog", { name: "New user" });
  await form.getByLabel("Email").fill(`${username}@e2e.test`);
  await form.getByLabel("Username").fill(username);
  await form.getByRole("button", { name: "Create user" }).click();

  const secret = page.getByRole("dialog", { name: `${username} was created` });
  await expect(secret).toBeVisible(SLOW);
  const password = await secret.getByTestId("temporary-password").inputValue();
  expect(password).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
  await secret.getByRole("button", { name: "Done" }).click();
  await expect(secret).toBeHidden();
  await expect(page.locator(`tr[data-username="${username}"]`)).toBeVisible();
  // Shown once: nothing on the page carries it any more, nor after a reload.
  expect(await page.content()).not.toContain(password);
  const row = await openUser(page, username);
  await expect(row.getByText("New password due")).toBeVisible();
  expect(await page.content()).not.toContain(password);

  // The temporary password signs the new user in, straight to choosing their own password.
  const newCtx = await browser.newContext();
  const { csrfToken } = await (await newCtx.request.get("/api/auth/csrf")).json();
  const signIn = await newCtx.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: `${username}@e2e.test`, password, json: "true" },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBeLessThan(400);
  const newPage = await newCtx.newPage();
  await newPage.goto("/");
  await expect(newPage).toHaveURL(/\/change-password/);
  await closeAll(adminCtx, newCtx);
});

test("[ADMIN]: the admin pages and API are not found for other users", async ({ browser }) => {
  const [user] = await createUsers(1);
  const ctx = await signedInContext(browser, user);
  const page = await ctx.newPage();
  for (const path of ["/admin", "/admin/users", "/admin/groups"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  expect((await ctx.request.get("/api/v1/admin/users")).status()).toBe(404);
  expect((await ctx.request.get("/api/v1/admin/groups")).status()).toBe(404);
  await closeAll(ctx);
});

test.describe("screenshots", () => {
  test.skip(!process.env.E2E_SHOTS, "screenshots only with E2E_SHOTS=1");
  const dir = process.env.E2E_SHOTS_DIR ?? "tmp/shots";
  for (const language of ["en", "de"] as const) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`[SHOTS]: admin users in ${language}, ${colorScheme}`, async ({ browser }) => {
        const admin = await createAdmin(language, "jonas");
        const people = await createUsers(3, language, ["anna", "mo", "lea"]);
        const ctx = await signedInContext(browser, admin, { colorScheme });
        const page = await ctx.newPage();
        // Show a disabled user next to active ones.
        const row = await openUser(page, people[1].username);
        await row.getByRole("button", { name: /^(Actions for|Aktionen für)/ }).click();
        await page.getByRole("menuitem", { name: /^(Disable|Deaktivieren)/ }).click();
        await page
          .getByRole("dialog")
          .getByRole("button", { name: /^(Disable|Deaktivieren)$/ })
          .click();
        await expect(row.getByText(/^(Disabled|Deaktiviert)$/)).toBeVisible(SLOW);
        await openAdmin(page, "/admin/users");
        await expect(page.locator("tbody tr").first()).toBeVisible();
        await page.screenshot({ path: `${dir}/admin-users-${language}-${colorScheme}.png`, fullPage: true });
        await page.getByRole("button", { name: /^(New user|Neuer Benutzer)$/ }).click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await page.screenshot({ path: `${dir}/admin-users-create-${language}-${colorScheme}.png` });
        await closeAll(ctx);
      });
    }
  }
});
