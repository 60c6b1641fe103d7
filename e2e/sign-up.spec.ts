// Self-service sign-up: absent until an administrator allows it; then the sign-in page links to it
// and a visitor creates an account and lands signed in. (Only this spec turns sign-up on.)

import { createAdmin } from "./support/admin.ts";
import { apiJson, signedInContext, uniq } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

test("[SIGN-UP]: allowed by an admin, a visitor creates an account from the sign-in page; off again, the page is gone", async ({
  browser,
}) => {
  const admin = await createAdmin();
  const adminCtx = await signedInContext(browser, admin);
  const visitor = await browser.newContext();
  try {
    expect((await visitor.request.get("/sign-up")).status()).toBe(404);
    const page = await visitor.newPage();

    await apiJson(adminCtx.request, "PATCH", "/api/v1/admin/settings", { allow_signup: true });
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "No account yet? Create one" }).click();
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    const username = `newbie.${uniq()}`;
    await page.getByLabel("Email").fill(`${username}@e2e.test`);
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
    await page.getByLabel("Confirm password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("button", { name: new RegExp(username.slice(0, 12)) })).toBeVisible();
    const me = await page.request.get("/api/v1/me");
    expect(me.status()).toBe(200);
    expect((await me.json()).username).toBe(username);
  } finally {
    await apiJson(adminCtx.request, "PATCH", "/api/v1/admin/settings", { allow_signup: false });
  }
  expect((await visitor.request.get("/sign-up")).status()).toBe(404);
  await Promise.all([adminCtx.close(), visitor.close()]);
});
