// Project settings: an admin adds a viewer through the settings page; the viewer's board has no
// write controls and the server refuses their writes; label management; old slugs redirect.
// Screenshots of the page with E2E_SHOTS=1 (into E2E_SHOTS_DIR, default tmp/shots).

import { apiJson, closeAll, createUsers, getBoard, openBoard, signedInContext, uniq } from "./support/fixtures.ts";
import { expect, type Page, test } from "./support/test.ts";

/** Opens a project's settings and waits until the page is interactive (hydrated). */
async function openSettings(page: Page, slug: string) {
  await page.goto(`/${slug}/settings`);
  await expect(page.locator('[data-settings-ready="true"]')).toBeAttached({ timeout: 30_000 });
}

async function addMemberThroughUi(page: Page, username: string, role: "viewer" | "member" | "admin") {
  await page.getByLabel(/^(Username|Benutzername)$/).fill(username);
  await page.locator("#member-role").selectOption(role);
  await page.getByRole("button", { name: /^(Add member|Mitglied hinzufügen)$/ }).click();
  // Generous: against a dev server, the first request to a route compiles it.
  await expect(page.locator(`tr[data-username="${username}"]`)).toBeVisible({ timeout: 30_000 });
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
  await expect(page.getByText("A project needs at least one admin. Make someone else admin first.", { exact: true })).toBeVisible(
    { timeout: 30_000 },
  );
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
  await openSettings(viewerPage, slug);
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
  await openSettings(page, slug);
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

  await openSettings(page, slug);
  await page.getByRole("button", { name: "Restore project" }).click();
  await expect(page.getByRole("button", { name: "Archive project" })).toBeVisible({ timeout: 30_000 });
  expect((await ctx.request.post(`/api/v1/projects/${slug}/cards`, { data: { title: "x" } })).status()).toBe(201);
  await closeAll(ctx);
});

test("[PROJECT SETTINGS]: a member manages labels; deleting says how many cards lose it; viewers only read", async ({
  browser,
}) => {
  // Many steps, each a first request to some route when the suite runs against a dev server.
  test.slow();
  const [admin, member, viewer] = await createUsers(3, "en", ["labeladmin", "labelmember", "labelviewer"]);
  const adminCtx = await signedInContext(browser, admin);
  const slug = `labels-${uniq()}`;
  await apiJson(adminCtx.request, "POST", "/api/v1/projects", { name: "Labels e2e", key: "LAB", slug });
  await apiJson(adminCtx.request, "POST", `/api/v1/projects/${slug}/members`, { username: member.username, role: "member" });
  await apiJson(adminCtx.request, "POST", `/api/v1/projects/${slug}/members`, { username: viewer.username, role: "viewer" });
  await apiJson(adminCtx.request, "POST", `/api/v1/projects/${slug}/cards`, { title: "Broken link", labels: ["bug"] });

  const ctx = await signedInContext(browser, member);
  const page = await ctx.newPage();
  await openSettings(page, slug);
  await expect(page.getByText("Only project admins can change these settings. You can manage the labels.")).toBeVisible();
  const row = (name: string) => page.locator(`li[data-label="${name}"]`);
  await expect(row("bug")).toContainText("1 card");

  const create = page.getByRole("form", { name: "New label" });
  await create.getByLabel("Label name").fill("Design");
  await create.getByTitle("#7c3aed").click();
  await expect(create.getByRole("radio", { name: "#7c3aed" })).toBeChecked();
  await expect(create.getByLabel("Hex colour")).toHaveValue("#7c3aed");
  await create.getByRole("button", { name: "Add label" }).click();
  // Generous timeouts where a route is first used: against a dev server, that compiles it.
  await expect(row("Design")).toContainText("Not used", { timeout: 30_000 });
  await expect(create.getByLabel("Label name")).toHaveValue("");
  // A name the project already has is refused at the field.
  await create.getByLabel("Label name").fill("bug");
  await create.getByRole("button", { name: "Add label" }).click();
  await expect(create.getByText("This project already has a label with this name.")).toBeVisible({ timeout: 30_000 });
  await expect(create.getByLabel("Label name")).toBeFocused();

  // Rename and recolour with a hex value; Escape would have cancelled.
  await page.getByRole("button", { name: "Edit Design" }).click();
  const edit = page.getByRole("form", { name: "Edit label Design" });
  await expect(edit.getByLabel("Label name")).toBeFocused();
  await edit.getByLabel("Label name").fill("UX");
  await edit.getByLabel("Hex colour").fill("#0F766E");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(row("UX")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Edit UX" })).toBeFocused();
  const labels = await apiJson<{ name: string; color: string }[]>(ctx.request, "GET", `/api/v1/projects/${slug}/labels`);
  expect(labels.map((l) => [l.name, l.color])).toEqual([
    ["bug", expect.any(String)],
    ["UX", "#0f766e"],
  ]);

  await page.getByRole("button", { name: "Delete bug" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete the label “bug”?" });
  await expect(dialog).toContainText("1 card carries it; it is removed from that card.", { timeout: 30_000 });
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(row("bug")).toHaveCount(0, { timeout: 30_000 });
  const card = await apiJson<{ labels: unknown[] }>(ctx.request, "GET", `/api/v1/projects/${slug}/cards/LAB-1`);
  expect(card.labels).toEqual([]);

  const viewerCtx = await signedInContext(browser, viewer);
  const viewerPage = await viewerCtx.newPage();
  await openSettings(viewerPage, slug);
  await expect(viewerPage.locator('li[data-label="UX"]')).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Add label" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Edit UX" })).toHaveCount(0);
  await closeAll(adminCtx, ctx, viewerCtx);
});

test("[PROJECT SETTINGS]: after a slug change, old links lead to the new address", async ({ browser }) => {
  // Many steps, each a first request to some route when the suite runs against a dev server.
  test.slow();
  const [admin] = await createUsers(1, "en", ["renamer"]);
  const ctx = await signedInContext(browser, admin);
  const slug = `before-${uniq()}`;
  const renamed = `after-${uniq()}`;
  await apiJson(ctx.request, "POST", "/api/v1/projects", { name: "Rename e2e", key: "REN", slug });
  await apiJson(ctx.request, "POST", `/api/v1/projects/${slug}/cards`, { title: "Survives the rename" });
  const page = await ctx.newPage();
  await openSettings(page, slug);
  await page.getByLabel("URL name").fill(renamed);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(new RegExp(`/${renamed}/settings$`), { timeout: 30_000 });
  await openSettings(page, slug);
  await expect(page).toHaveURL(new RegExp(`/${renamed}/settings$`));
  await page.goto(`/${slug}/cards/REN-1`);
  await expect(page).toHaveURL(new RegExp(`/${renamed}/cards/REN-1$`), { timeout: 30_000 });
  await expect(page.getByText("Survives the rename").first()).toBeVisible();
  // Scripts keep working with the old slug too.
  expect((await ctx.request.get(`/api/v1/projects/${slug}/board`)).status()).toBe(200);
  await closeAll(ctx);
});

test.describe("screenshots", () => {
  const SHOTS = process.env.E2E_SHOTS_DIR ?? "tmp/shots";
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
        const names = language === "de" ? ["Fehler", "Design", "Inhalt"] : ["Bug", "Design", "Content"];
        await apiJson(ctx.request, "POST", `/api/v1/projects/${slug}/cards`, { title: "Header", labels: names.slice(0, 2) });
        await apiJson(ctx.request, "POST", `/api/v1/projects/${slug}/cards`, { title: "Footer", labels: names.slice(1) });
        const page = await ctx.newPage();
        await page.setViewportSize({ width: 1280, height: 1500 });
        await openSettings(page, slug);
        await expect(page.locator(`tr[data-username="${mo.username}"]`)).toBeVisible();
        await page.screenshot({ path: `${SHOTS}/project-settings-${language}-${colorScheme}.png`, fullPage: true });
        // A label being edited, and the question before deleting one.
        const labels = page.locator("#settings-labels").locator("..");
        await page.locator('li[data-label="Design"]').getByRole("button").first().click();
        await page
          .locator('li[data-label="Design"] input')
          .first()
          .fill(language === "de" ? "Gestaltung" : "Visual design");
        await labels.screenshot({ path: `${SHOTS}/project-labels-edit-${language}-${colorScheme}.png` });
        await page.keyboard.press("Escape");
        await page.locator('li[data-label="Design"]').getByRole("button").nth(1).click();
        await expect(page.getByRole("dialog")).toContainText("2", { timeout: 30_000 });
        await page.screenshot({ path: `${SHOTS}/project-labels-delete-${language}-${colorScheme}.png` });
        await page.keyboard.press("Escape");
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
        await page.screenshot({ path: `${SHOTS}/project-list-${language}-${colorScheme}.png` });
        await closeAll(ctx);
      });
    }
  }
});
