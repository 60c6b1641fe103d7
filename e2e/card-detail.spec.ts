// The card detail: open a card from the board, build a checklist, tick an item and see the
// progress on the board card; edit the title. With E2E_SHOTS=1 also screenshots of a lived-in
// card (light/dark × en/de) in tmp/shots/.

import {
  addMember,
  apiJson,
  card,
  createCard,
  createProject,
  createUsers,
  openBoard,
  signedInContext,
  uniq,
} from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

test("[CARD]: checklist ticks show as progress on the board card; the title is editable", async ({ browser }) => {
  const [user] = await createUsers(1);
  const ctx = await signedInContext(browser, user);
  const page = await ctx.newPage();
  const project = await createProject(ctx.request);
  const { key } = await createCard(ctx.request, project.slug, { title: "Write the onboarding guide" });

  await openBoard(page, project.slug);
  await card(page, key).click();
  await expect(page).toHaveURL(new RegExp(`/${project.slug}/cards/${key}$`));
  await expect(page.getByTestId("card-title")).toHaveText("Write the onboarding guide");

  // Two checklist items, added with the keyboard.
  const add = page.getByRole("textbox", { name: "Add an item" });
  await add.fill("Outline");
  await add.press("Enter");
  await expect(page.getByTestId("checklist-item")).toHaveCount(1);
  await add.fill("First draft");
  await add.press("Enter");
  await expect(page.getByTestId("checklist-item")).toHaveCount(2);
  await expect(page.getByTestId("checklist-progress")).toHaveText("0/2 done");

  const ticked = page.waitForResponse((r) => r.url().includes("/checklist/") && r.request().method() === "PATCH");
  await page.getByRole("checkbox", { name: "Done: Outline" }).check();
  expect((await ticked).ok()).toBe(true);
  await expect(page.getByTestId("checklist-progress")).toHaveText("1/2 done");

  // The title, edited in place.
  await page.getByRole("button", { name: "Edit title" }).click();
  const title = page.getByRole("textbox", { name: "Title", exact: true });
  await title.fill("Write the onboarding guide (v2)");
  await title.press("Enter");
  await expect(page.getByTestId("card-title")).toHaveText("Write the onboarding guide (v2)");
  await expect(page.getByTestId("card-history")).toContainText("Write the onboarding guide (v2)");

  // A reload shows the same state (it was saved, not just drawn).
  await page.reload();
  await expect(page.getByTestId("card-title")).toHaveText("Write the onboarding guide (v2)");
  await expect(page.getByRole("checkbox", { name: "Done: Outline" })).toBeChecked();

  // Back on the board: the card shows the new title and 1/2.
  await page.getByRole("link", { name: /Back to the board/ }).click();
  await expect(card(page, key)).toContainText("Write the onboarding guide (v2)");
  await expect(card(page, key).getByTestId("card-progress").first()).toContainText("1/2");
  await ctx.close();
});

test("[CARD]: a viewer sees the card but no controls", async ({ browser }) => {
  const [owner, viewer] = await createUsers(2);
  const ownerCtx = await signedInContext(browser, owner);
  const project = await createProject(ownerCtx.request);
  await addMember(ownerCtx.request, project.slug, viewer.username, "viewer");
  const { key } = await createCard(ownerCtx.request, project.slug, { title: "Read only", description: "Some **bold** text" });
  await apiJson(ownerCtx.request, "POST", `/api/v1/projects/${project.slug}/cards/${key}/checklist`, { text: "An item" });
  const ctx = await signedInContext(browser, viewer);
  const page = await ctx.newPage();
  await page.goto(`/${project.slug}/cards/${key}`);
  await expect(page.getByTestId("card-title")).toHaveText("Read only");
  await expect(page.getByText("You can read this card but not change it.")).toBeVisible();
  await expect(page.locator("strong", { hasText: "bold" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit title" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete card" })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Add an item" })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Done: An item" })).toBeDisabled();
  await expect(page.getByLabel("Priority")).toBeDisabled();
  await Promise.all([ctx.close(), ownerCtx.close()]);
});

test("[CARD]: a stale title edit shows the newer title and can be re-applied", async ({ browser }) => {
  const [alice, bob] = await createUsers(2);
  const ctxA = await signedInContext(browser, alice);
  const project = await createProject(ctxA.request);
  await addMember(ctxA.request, project.slug, bob.username);
  const { key } = await createCard(ctxA.request, project.slug, { title: "Original" });
  const page = await ctxA.newPage();
  await page.goto(`/${project.slug}/cards/${key}`);
  await page.getByRole("button", { name: "Edit title" }).click();
  const title = page.getByRole("textbox", { name: "Title", exact: true });
  await title.fill("Alice's title");

  // Bob changes the title meanwhile.
  const ctxB = await signedInContext(browser, bob);
  await apiJson(ctxB.request, "PATCH", `/api/v1/projects/${project.slug}/cards/${key}`, { title: "Bob's title" });

  const answer = page.waitForResponse((r) => r.url().endsWith(`/cards/${key}`) && r.request().method() === "PATCH");
  await title.press("Enter");
  expect((await answer).status()).toBe(409);
  const alert = page.getByRole("alert").filter({ hasText: "Someone else changed this card" });
  await expect(alert).toBeVisible();
  await expect(page.getByTestId("card-title")).toHaveText("Bob's title");
  await alert.getByRole("button", { name: "Re-apply my change" }).click();
  await expect(page.getByTestId("card-title")).toHaveText("Alice's title");
  await expect(alert).toHaveCount(0);
  await Promise.all([ctxA.close(), ctxB.close()]);
});

const shots = !!process.env.E2E_SHOTS;
for (const language of ["en", "de"] as const) {
  for (const scheme of ["light", "dark"] as const) {
    test(`[SHOTS]: card detail in ${language}, ${scheme}`, async ({ browser }) => {
      test.skip(!shots, "screenshots only with E2E_SHOTS=1");
      test.setTimeout(300_000);
      const [owner, anna] = await createUsers(2, language, ["jonas", "anna"]);
      const ctx = await signedInContext(browser, owner, { colorScheme: scheme });
      const slug = `shots-${uniq()}`;
      await apiJson(ctx.request, "POST", "/api/v1/projects", { name: "Website relaunch", key: "WEB", slug, type: "scrum" });
      await addMember(ctx.request, slug, anna.username);
      const main = await createCard(ctx.request, slug, {
        title: language === "de" ? "Cookie-Banner für DE und EN" : "Cookie banner copy for DE and EN",
        description:
          "## Scope\nThe banner must offer **accept** and **reject** with equal weight.\n\n- Texts from legal\n- [ ] Review by Anna\n- [x] Draft\n\n`<script>alert(1)</script>` stays text: <b>not bold</b>",
        priority: "high",
        labels: ["legal", "copy"],
        assignees: [anna.username],
        dueDate: "2027-03-01",
        estimateHours: 3,
        storyPoints: 5,
      });
      const base = `/api/v1/projects/${slug}/cards/${main.key}`;
      for (const text of ["Collect the legal texts", "Draft the copy", "Translate"]) {
        await apiJson(ctx.request, "POST", `${base}/checklist`, { text, done: text !== "Translate" });
      }
      const child = await createCard(ctx.request, slug, { title: "Banner component", parentKey: main.key });
      await createCard(ctx.request, slug, { title: "Consent storage", parentKey: main.key });
      const other = await createCard(ctx.request, slug, { title: "Privacy page" });
      await apiJson(ctx.request, "POST", `${base}/references`, { type: "is_blocked_by", key: other.key });
      await apiJson(ctx.request, "POST", `${base}/references`, { type: "relates_to", key: child.key });
      await apiJson(ctx.request, "POST", `${base}/comments`, { body: "Legal sent the texts, see the *shared folder*." });
      await apiJson(ctx.request, "PATCH", base, { priority: "critical" });
      const page = await ctx.newPage();
      await page.setViewportSize({ width: 1280, height: 1500 });
      await page.goto(`/${slug}/cards/${main.key}`);
      await expect(page.getByTestId("card-title")).toBeVisible();
      await expect(page.locator("script", { hasText: "alert(1)" })).toHaveCount(0);
      await page.screenshot({ path: `tmp/shots/card-${language}-${scheme}.png`, fullPage: true });
      await ctx.close();
    });
  }
}
