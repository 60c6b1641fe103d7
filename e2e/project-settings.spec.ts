// Project settings: an admin adds a viewer through the settings page; the viewer's board has no
// write controls and the server refuses their writes. Screenshots of the page with E2E_SHOTS=1.
import { expect, type Page, test } from "@playwright/test";
import { apiJson, closeAll, createUsers, getBoard, openBoard, signedInContext, uniq } from "./support/fixtures.ts";

async function addMemberThroughUi(page: Page, username: string, role: "viewer" | "member" | "admin") {
  await page.getByLabel(/^(Username|Benutzername)$/).fill(username);
  await page.locator("#member-role").selectOption(role);
  await page.getByRole("button", { name: /^(Add member|Mitglied hinzufügen)$/ }).click();
  await expect(page.locator(`tr[data-username="${username}"]`)).toBeVisible();
}

test("[PROJECT SETTINGS]: admin adds a viewer; the viewer's board is read-only and REST writes answer 403", async ({
  browser,
}) => {
  const [admin, viewer] = await createUsers(2, "en", ["admin", "viewer"]);
  const adminCtx = await signedInContext(browser, admin);
  const slug = `settings-${uniq()}`;
  await apiJson(adminCtx.request, "POST", "/api/v1/projects", { name: "Settings e2e", key: "SET", slug });
  await apiJson(adminCtx.request, "POST", `/api/v1/projects/${slug}/cards`, { title: "Existing card" });

  const page = await adminCtx.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: "Settings of Settings e2e" }).click();
  await expect(page).toHaveURL(new RegExp(`/${slug}/settings$`));
  await expect(page.getByRole("heading", { name: "Project settings", level: 1 })).toBeVisible();
  await addMemberThroughUi(page, viewer.username, "viewer");
  await expect(page.getByLabel(`Role of ${viewer.username}`)).toHaveValue("viewer");

  // The last admin cannot demote themselves: the server refuses and the page says why.
  await page.getByLabel(`Role of ${admin.username}`).selectOption("member");
  await expect(
    page.getByText("A project needs at least one admin. Make someone else admin first.", { exact: true }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role of ${admin.username}`)).toHaveValue("admin");

  const viewerCtx = await signedInContext(browser, viewer);
  const viewerPage = await viewerCtx.newPage();
  await openBoard(viewerPage, slug);
  await expect(viewerPage.getByText("Existing card")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: /^Add card/ })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: /^Add column/ })).toHaveCount(0);

  const board = await getBoard(viewerCtx.request, slug);
  const write = await viewerCtx.request.post(`/api/v1/projects/${slug}/cards`, { data: { title: "Sneaky" } });
  expect(write.status()).toBe(403);
  const rename = await viewerCtx.request.patch(`/api/v1/projects/${slug}/columns/${board.columns[0].id}`, {
    data: { name: "Sneaky" },
  });
  expect(rename.status()).toBe(403);
  // The viewer sees the settings read-only.
  await viewerPage.goto(`/${slug}/settings`);
  await expect(viewerPage.getByText("Only project admins can change these settings.")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await expect(viewerPage.getByLabel("Name", { exact: true })).toBeDisabled();
  expect((await getBoard(adminCtx.request, slug)).columns.flatMap((c) => c.cards).map((c) => c.title)).toEqual(["Existing card"]);
  await closeAll(adminCtx, viewerCtx);
});

test("[PROJECT SETTINGS]: archive hides the project and makes it read-only; restore brings it back", async ({ browser }) => {
  const [admin] = await createUsers(1, "en", ["archiver"]);
  const ctx = await signedInContext(browser, admin);
  const slug = `archive-${uniq()}`;
  const name = `Archive me ${uniq()}`;
  await apiJson(ctx.request, "POST", "/api/v1/projects", { name, key: "ARC", slug });
  const page = await ctx.newPage();
  await page.goto(`/${slug}/settings`);
  await page.getByRole("button", { name: "Archive project" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Archive project" }).click();
  // Generous: the first request to a route compiles it when the suite runs against a dev server.
  await expect(page.getByText("This project is archived and read-only.", { exact: false })).toBeVisible({ timeout: 30_000 });
  expect((await ctx.request.post(`/api/v1/projects/${slug}/cards`, { data: { title: "x" } })).status()).toBe(409);

  await page.goto("/");
  await expect(page.getByRole("link", { name: new RegExp(`^${name}`) })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Show archived (1)" }).click();
  await expect(page).toHaveURL(/\?archived=1$/);
  await expect(page.getByRole("checkbox", { name: "Show archived (1)" })).toBeChecked();
  await expect(page.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();

  await page.goto(`/${slug}/settings`);
  await page.getByRole("button", { name: "Restore project" }).click();
  await expect(page.getByRole("button", { name: "Archive project" })).toBeVisible({ timeout: 30_000 });
  expect((await ctx.request.post(`/api/v1/projects/${slug}/cards`, { data: { title: "x" } })).status()).toBe(201);
  await closeAll(ctx);
});

test.describe("screenshots", () => {
  test.skip(!process.env.E2E_SHOTS, "screenshots only with E2E_SHOTS=1");
  for (const language of ["en", "de"] as const) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`[SHOTS]: project settings in ${language}, ${colorScheme}`, async ({ browser }) => {
        const [admin, anna, mo] = await createUsers(3, language, ["jonas", "anna", "mo"]);
        const ctx = await signedInContext(browser, admin, { colorScheme });
        const slug = `website-${uniq()}`;
        await apiJson(ctx.request, "POST", "/api/v1/projects", {
          name: language === "de" ? "Website-Relaunch" : "Website relaunch",
          key: "WEB",
          slug,
          description: "Relaunch of the company website.",
          color: "#7c3aed",
        });
        await apiJson(ctx.request, "POST", `/api/v1/projects/${slug}/members`, { username: anna.username, role: "member" });
        await apiJson(ctx.request, "POST", `/api/v1/projects/${slug}/members`, { username: mo.username, role: "viewer" });
        const page = await ctx.newPage();
        await page.setViewportSize({ width: 1280, height: 1500 });
        await page.goto(`/${slug}/settings`);
        await expect(page.locator(`tr[data-username="${mo.username}"]`)).toBeVisible();
        await page.screenshot({ path: `tmp/shots/project-settings-${language}-${colorScheme}.png`, fullPage: true });
        // The project list with an archived project shown.
        const old = `old-${uniq()}`;
        await apiJson(ctx.request, "POST", "/api/v1/projects", {
          name: language === "de" ? "Altes Intranet" : "Old intranet",
          key: "OLD",
          slug: old,
        });
        await apiJson(ctx.request, "POST", `/api/v1/projects/${old}/archive`);
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto("/");
        await page.goto("/?archived=1");
        await page.screenshot({ path: `tmp/shots/project-list-${language}-${colorScheme}.png` });
        await closeAll(ctx);
      });
    }
  }
});
