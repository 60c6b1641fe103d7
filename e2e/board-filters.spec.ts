import {
  addMember,
  apiJson,
  card,
  closeAll,
  column,
  createCard,
  createProject,
  createUsers,
  getBoard,
  openBoard,
  signedInContext,
} from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

const visibleKeys = async (page: import("@playwright/test").Page) =>
  page.locator("[data-card-key]").evaluateAll((els) => els.map((e) => e.getAttribute("data-card-key")));

test("[BOARD FILTERS]: a filter URL reproduces the same filtered board in a fresh page", async ({ browser }) => {
  const [alice, bob] = await createUsers(2, "en", ["alice", "bob"]);
  const ctxA = await signedInContext(browser, alice);
  const project = await createProject(ctxA.request);
  await addMember(ctxA.request, project.slug, bob.username);
  const board = await getBoard(ctxA.request, project.slug);
  const [todo, doing] = board.columns;
  const mineBug = await createCard(ctxA.request, project.slug, {
    title: "Fix the login bug",
    columnId: todo.id,
    assignees: [alice.username],
    labels: ["Bug"],
    priority: "high",
  });
  await createCard(ctxA.request, project.slug, { title: "Fix the footer", columnId: todo.id, labels: ["Bug"] });
  const bobsBug = await createCard(ctxA.request, project.slug, {
    title: "Fix the export",
    columnId: doing.id,
    assignees: [bob.username],
    labels: ["Bug"],
  });
  await createCard(ctxA.request, project.slug, { title: "Write the docs", columnId: doing.id, assignees: [alice.username] });

  const page = await ctxA.newPage();
  await openBoard(page, project.slug);
  await expect(page.locator("[data-card-key]")).toHaveCount(4);

  // Text and label filters through the bar; both end up in the URL.
  await page.getByRole("searchbox", { name: "Filter by title or key" }).fill("fix");
  await page.getByTestId("filter-label").click();
  await page.getByRole("menuitemcheckbox", { name: "Bug" }).click();
  await page.keyboard.press("Escape");
  await page.getByTestId("filter-assignee").click();
  await page.getByRole("menuitemcheckbox", { name: bob.username }).click();
  await page.getByRole("menuitemcheckbox", { name: "Assigned to me" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("filter-count")).toHaveText("2 of 4 cards");
  await expect(page).toHaveURL(/[?&]q=fix/);
  await expect(page).toHaveURL(/[?&]label=Bug/);
  const filtered = await visibleKeys(page);
  expect(filtered.sort()).toEqual([mineBug.key, bobsBug.key].sort());
  // The column shows how many of its cards are visible.
  await expect(column(page, todo.name).locator("header")).toContainText("1 of 2");

  // The same URL in a fresh context ("me" means the viewer, so the same user sees the same board).
  const url = page.url();
  const fresh = await signedInContext(browser, alice);
  const again = await fresh.newPage();
  await again.goto(url, { waitUntil: "domcontentloaded" });
  await expect(again.getByTestId("realtime-status")).toHaveAttribute("data-status", "live");
  await expect(again.locator("[data-card-key]")).toHaveCount(2);
  expect((await visibleKeys(again)).sort()).toEqual(filtered.sort());
  await expect(again.getByRole("searchbox", { name: "Filter by title or key" })).toHaveValue("fix");
  await expect(again.getByTestId("filter-label")).toContainText("1");

  // Clearing restores every card and the plain URL.
  await again.getByRole("button", { name: "Clear filters" }).click();
  await expect(again.locator("[data-card-key]")).toHaveCount(4);
  await expect(again).toHaveURL(new RegExp(`/${project.slug}$`));
  await closeAll(ctxA, fresh);
});

test("[BOARD FILTERS]: keyboard shortcuts: ? opens the help, / focuses the filter, n adds a card", async ({ browser }) => {
  const [user] = await createUsers(1);
  const ctx = await signedInContext(browser, user);
  const project = await createProject(ctx.request);
  const page = await ctx.newPage();
  await openBoard(page, project.slug);

  await page.locator("body").press("Shift+Slash");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help.getByTestId("shortcuts")).toContainText("New card in the first column");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.locator("body").press("/");
  await expect(page.getByRole("searchbox", { name: "Filter by title or key" })).toBeFocused();
  // While typing in a field, the shortcuts are just text.
  await page.keyboard.type("n?");
  await expect(page.getByRole("searchbox", { name: "Filter by title or key" })).toHaveValue("n?");
  await expect(help).toBeHidden();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");

  await page.locator("body").press("n");
  const board = await getBoard(ctx.request, project.slug);
  const input = column(page, board.columns[0].name).getByRole("textbox");
  await expect(input).toBeFocused();
  await input.fill("Made with the keyboard");
  await input.press("Enter");
  await expect(page.locator("[data-card-key]")).toHaveCount(1);
  await closeAll(ctx);
});

test("[BOARD COLUMNS]: rename, WIP limit and colour from the column menu; delete moves the cards", async ({ browser }) => {
  const [user] = await createUsers(1);
  const ctx = await signedInContext(browser, user);
  const project = await createProject(ctx.request);
  const board = await getBoard(ctx.request, project.slug);
  const [todo, doing] = board.columns;
  const a = await createCard(ctx.request, project.slug, { title: "First", columnId: todo.id });
  const b = await createCard(ctx.request, project.slug, { title: "Second", columnId: todo.id });
  const page = await ctx.newPage();
  await openBoard(page, project.slug);

  // Rename inline.
  await column(page, todo.name)
    .getByRole("button", { name: `Actions for column ${todo.name}` })
    .click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  const name = page.getByRole("textbox", { name: `New name for column ${todo.name}` });
  await name.fill("Backlog");
  await name.press("Enter");
  await expect(column(page, "Backlog")).toBeVisible();

  // WIP limit: the header shows n / limit, in the warning colour when over.
  await column(page, "Backlog").getByRole("button", { name: "Actions for column Backlog" }).click();
  await page.getByRole("menuitem", { name: /WIP limit/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("WIP limit").fill("1");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(column(page, "Backlog").getByTestId("wip")).toHaveText("2 / 1");
  await expect(column(page, "Backlog").getByTestId("wip")).toHaveClass(/text-warning/);

  // Colour from the palette.
  await column(page, "Backlog").getByRole("button", { name: "Actions for column Backlog" }).click();
  await page.getByRole("menuitem", { name: "Colour" }).click();
  await page.getByRole("menuitemradio", { name: "Green" }).click();
  const colorOf = async () =>
    (
      await apiJson<{ columns: { name: string; color: string | null }[] }>(
        ctx.request,
        "GET",
        `/api/v1/projects/${project.slug}/board`,
      )
    ).columns[0];
  await expect.poll(colorOf).toEqual(expect.objectContaining({ name: "Backlog", color: "#16a34a" }));

  // Delete: the cards go to the chosen column.
  await column(page, "Backlog").getByRole("button", { name: "Actions for column Backlog" }).click();
  await page.getByRole("menuitem", { name: "Delete column…" }).click();
  const del = page.getByRole("dialog", { name: "Delete column “Backlog”?" });
  await del.getByLabel("Move the cards to").selectOption({ label: doing.name });
  await del.getByRole("button", { name: "Delete column" }).click();
  await expect(column(page, "Backlog")).toHaveCount(0);
  await expect(column(page, doing.name).locator(card(page, a.key))).toBeVisible();
  await expect(column(page, doing.name).locator(card(page, b.key))).toBeVisible();
  await closeAll(ctx);
});

test("[BOARD]: a member removed from the project sees a message and a way back", async ({ browser }) => {
  const [alice, bob] = await createUsers(2, "en", ["alice", "bob"]);
  const ctxA = await signedInContext(browser, alice);
  const ctxB = await signedInContext(browser, bob);
  const project = await createProject(ctxA.request);
  await addMember(ctxA.request, project.slug, bob.username);
  const page = await ctxB.newPage();
  await openBoard(page, project.slug);
  // The user room is joined along with the project room; give it the same moment to be live.
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-status", "live");
  const res = await ctxA.request.delete(`/api/v1/projects/${project.slug}/members/${bob.username}`);
  expect(res.status()).toBe(204);
  const alert = page.getByTestId("access-removed");
  await expect(alert).toContainText("You no longer have access to this project");
  await alert.getByRole("link", { name: "Back to the projects" }).click();
  await expect(page).toHaveURL(/\/$/);
  await closeAll(ctxA, ctxB);
});
