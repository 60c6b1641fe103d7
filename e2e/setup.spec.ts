import { expect, test } from "./support/test.ts";

// Runs first, in its own project, while the database is still empty (see playwright.config.ts).
test("[SETUP]: the first-run setup page creates the administrator and lands signed in", async ({ page }) => {
  const setup = await (await page.request.get("/api/setup")).json();
  expect(setup, "this spec needs an empty database").toEqual({ needed: true });

  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Email").fill("admin@e2e.test");
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
  await page.getByLabel("Confirm password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create administrator" }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("button", { name: /admin/ })).toBeVisible();
  expect(await (await page.request.get("/api/setup")).json()).toEqual({ needed: false });

  // A second setup is refused.
  const again = await page.request.post("/api/setup", {
    data: { email: "x@e2e.test", username: "x2", password: "correct horse battery" },
  });
  expect(again.status()).toBe(409);
});
