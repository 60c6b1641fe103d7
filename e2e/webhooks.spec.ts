// Webhooks: a project admin creates a GitHub webhook in the project settings (URL and secret shown
// once), a signed push is delivered to it, and the card detail lists the commit. Screenshots of
// the settings section, the card's Development links and the API docs go to tmp/shots.
import { createHmac } from "node:crypto";
import { apiJson, createUsers, signedInContext, uniq } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

const shots = process.env.E2E_SHOTS_DIR ?? "tmp/shots";

test("[WEBHOOKS]: an admin creates a webhook; a signed push links the commit to the card", async ({ browser, playwright }) => {
  const [admin] = await createUsers(1, "en", ["hookadmin"]);
  const ctx = await signedInContext(browser, admin);
  const slug = `hooks-${uniq()}`;
  await apiJson(ctx.request, "POST", "/api/v1/projects", { name: "Hooks e2e", key: "HK", slug });
  const card = await apiJson<{ key: string }>(ctx.request, "POST", `/api/v1/projects/${slug}/cards`, { title: "Login form" });

  const page = await ctx.newPage();
  await page.goto(`/${slug}/settings`);
  await expect(page.locator('[data-settings-ready="true"]')).toBeAttached({ timeout: 30_000 });
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Webhooks", level: 2, exact: true }) });
  await expect(section.getByText("No webhooks yet.")).toBeVisible();
  await section.getByRole("button", { name: "Add webhook" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a webhook" });
  await dialog.getByLabel("Provider").selectOption("github");
  await dialog.getByLabel("Name (optional)").fill("App repository");
  await dialog.getByRole("button", { name: "Add webhook" }).click();

  const shown = page.getByRole("dialog", { name: "Webhook created" });
  await expect(shown.getByTestId("webhook-secret")).toHaveValue(/^whsec_/);
  const url = await shown.getByTestId("webhook-url").inputValue();
  const secret = await shown.getByTestId("webhook-secret").inputValue();
  expect(url).toMatch(/\/api\/webhooks\/\d+$/);
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(section.getByTestId("webhooks")).toContainText("App repository");
  await expect(section.getByTestId("webhooks")).toContainText("Active");
  await section.screenshot({ path: `${shots}/webhooks-settings.png` });

  // The git host's delivery: no session, signed with the secret over the raw body.
  const sha = "9f2c1e0b7a6d5c4b3a29180716f5e4d3c2b1a098";
  const raw = JSON.stringify({
    ref: "refs/heads/main",
    repository: { full_name: "octo/app", html_url: "https://github.com/octo/app", default_branch: "main" },
    pusher: { name: "octocat" },
    commits: [
      { id: sha, message: `${card.key}: validate the login form\n\nDetails`, url: `https://github.com/octo/app/commit/${sha}` },
    ],
  });
  const git = await playwright.request.newContext();
  const headers = {
    "content-type": "application/json",
    "x-github-event": "push",
    "x-github-delivery": `e2e-${uniq()}`,
  };
  const unsigned = await git.post(new URL(url).pathname, { data: raw, headers });
  expect(unsigned.status()).toBe(401);
  const signature = `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
  const res = await git.post(new URL(url).pathname, { data: raw, headers: { ...headers, "x-hub-signature-256": signature } });
  expect(res.status()).toBe(202);
  expect(await res.json()).toMatchObject({ status: "processed", linked: [card.key] });
  await git.dispose();

  await page.goto(`/${slug}/cards/${card.key}`);
  const links = page.getByTestId("card-links");
  await expect(page.getByRole("heading", { name: "Development" })).toBeVisible();
  await expect(links).toContainText(`${card.key}: validate the login form`);
  await expect(links.getByRole("link", { name: sha.slice(0, 7) })).toHaveAttribute(
    "href",
    `https://github.com/octo/app/commit/${sha}`,
  );
  await page.screenshot({ path: `${shots}/webhooks-card-links.png`, fullPage: true });

  // The API documentation, linked from the profile's API keys.
  await page.goto("/profile");
  await page.getByRole("link", { name: "API documentation" }).click();
  await expect(page.getByRole("heading", { name: "API documentation", level: 1 })).toBeVisible();
  const op = page.getByTestId("api-operation").filter({ hasText: "Create a webhook for GitHub" });
  await op.locator("summary").click();
  await expect(op.getByText("Request body")).toBeVisible();
  await page.screenshot({ path: `${shots}/api-docs.png` });
  await ctx.close();
});
