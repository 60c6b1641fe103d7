// Groups in the browser: an admin creates a group, adds a member with the user picker and gives the
// group a role in a project; the member can then open the project. Screenshots with E2E_SHOTS=1.

import { createAdmin } from "./support/admin.ts";
import { apiJson, closeAll, createUsers, signedInContext, uniq } from "./support/fixtures.ts";
import { expect, type Page, test } from "./support/test.ts";

// Actions wait for the database and pages compile on first use in dev mode: allow more than 10 s.
const SLOW = { timeout: 20_000 };

async function openAdmin(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('[data-admin-ready="true"]')).toBeAttached(SLOW);
}

async function createGroupThroughUi(page: Page, name: string, description: string) {
  await openAdmin(page, "/admin/groups");
  await page.getByRole("button", { name: /^(New group|Neue Gruppe)$/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/^(Name)$/).fill(name);
  await dialog.getByLabel(/^(Description|Beschreibung)$/).fill(description);
  await dialog.getByRole("button", { name: /^(Create|Anlegen|Erstellen)$/ }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible(SLOW);
  await expect(page.locator('[data-admin-ready="true"]')).toBeAttached(SLOW);
}

async function addMemberThroughUi(page: Page, username: string) {
  await page.getByLabel(/^(Add a member|Mitglied hinzufügen)$/).fill(username);
  const name = username.replace(/\./g, "\\.");
  await page.getByRole("button", { name: new RegExp(`^(Add ${name}|${name} hinzufügen)$`) }).click();
  await expect(page.locator(`li[data-member="${username}"]`)).toBeVisible(SLOW);
}

test("[ADMIN]: a group's project role lets its member open the project", async ({ browser }) => {
  const admin = await createAdmin();
  const [member] = await createUsers(1, "en", ["grouped"]);
  const adminCtx = await signedInContext(browser, admin);
  const slug = `grp-${uniq()}`;
  await apiJson(adminCtx.request, "POST", "/api/v1/projects", { name: `Group e2e ${slug}`, key: "GRE", slug });
  const memberCtx = await signedInContext(browser, member);
  expect((await memberCtx.request.get(`/api/v1/projects/${slug}`)).status()).toBe(404);

  const page = await adminCtx.newPage();
  const name = `Support ${uniq()}`;
  await createGroupThroughUi(page, name, "First-line support");
  await addMemberThroughUi(page, member.username);

  const projects = page.getByRole("region", { name: "Projects" });
  await projects.getByLabel("Project", { exact: true }).selectOption(slug);
  await projects.getByLabel("Role", { exact: true }).selectOption("member");
  await projects.getByRole("button", { name: "Give access" }).click();
  await expect(page.locator(`tr[data-access="${slug}"]`)).toBeVisible(SLOW);

  // The member reads and writes the project now (member role through the group).
  const project = await apiJson<{ role: string }>(memberCtx.request, "GET", `/api/v1/projects/${slug}`);
  expect(project.role).toBe("member");
  const memberPage = await memberCtx.newPage();
  expect((await memberPage.goto(`/${slug}`))?.status()).toBe(200);

  // Removing the member takes the access away again.
  await page.getByRole("button", { name: `Remove ${member.username}` }).click();
  await expect(page.locator(`li[data-member="${member.username}"]`)).toHaveCount(0, SLOW);
  expect((await memberCtx.request.get(`/api/v1/projects/${slug}`)).status()).toBe(404);

  // The groups list shows the group with its counts.
  await openAdmin(page, "/admin/groups");
  await expect(page.locator(`li[data-group="${name}"]`)).toContainText("Projects: 1");
  await closeAll(adminCtx, memberCtx);
});

test.describe("screenshots", () => {
  test.skip(!process.env.E2E_SHOTS, "screenshots only with E2E_SHOTS=1");
  const dir = process.env.E2E_SHOTS_DIR ?? "tmp/shots";
  for (const language of ["en", "de"] as const) {
    for (const colorScheme of ["light", "dark"] as const) {
      test(`[SHOTS]: admin groups in ${language}, ${colorScheme}`, async ({ browser }) => {
        const admin = await createAdmin(language, "jonas");
        const [anna, mo] = await createUsers(2, language, ["anna", "mo"]);
        const ctx = await signedInContext(browser, admin, { colorScheme });
        const slug = `website-${uniq()}`;
        await apiJson(ctx.request, "POST", "/api/v1/projects", { name: "Website relaunch", key: "WEB", slug });
        const page = await ctx.newPage();
        await createGroupThroughUi(page, `Design ${uniq()}`, language === "de" ? "Gestaltung und UX" : "Design and UX");
        await addMemberThroughUi(page, anna.username);
        await addMemberThroughUi(page, mo.username);
        await page.locator("#grant-projects").selectOption(slug);
        await page.locator("#grant-projects-role").selectOption("admin");
        await page.locator("#grant-projects").locator("xpath=ancestor::form").getByRole("button").click();
        await expect(page.locator(`tr[data-access="${slug}"]`)).toBeVisible(SLOW);
        // Tall enough for the whole page: a full-page shot would repeat the sticky header mid-page.
        await page.setViewportSize({ width: 1280, height: 1500 });
        await page.screenshot({ path: `${dir}/admin-group-${language}-${colorScheme}.png` });
        await openAdmin(page, "/admin/groups");
        await page.screenshot({ path: `${dir}/admin-groups-${language}-${colorScheme}.png`, fullPage: true });
        await closeAll(ctx);
      });
    }
  }
});
