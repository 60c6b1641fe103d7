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
  keyboardLift,
  keyboardStep,
  openBoard,
  signedInContext,
  uniq,
} from "./support/fixtures.ts";
import { expect, type Page, test } from "./support/test.ts";

const isMove = (key: string) => (res: { url(): string; request(): { method(): string } }) =>
  res.url().endsWith(`/cards/${key}/move`) && res.request().method() === "POST";

/** Drags with real mouse events, in steps, so the pointer sensor and collision detection run as for a person. */
async function dragWithMouse(page: Page, from: ReturnType<Page["locator"]>, to: ReturnType<Page["locator"]>) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error("not visible");
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 5, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + 60, { steps: 12 });
  await page.mouse.move(b.x + b.width / 2, b.y + 64, { steps: 2 });
  await page.mouse.up();
}

test("[BOARD]: a card added and dragged by one user shows up live for another, and stays after reload", async ({ browser }) => {
  const [alice, bob] = await createUsers(2);
  const ctxA = await signedInContext(browser, alice);
  const ctxB = await signedInContext(browser, bob);
  const pageA = await ctxA.newPage();
  const pageB = await ctxB.newPage();

  // Alice creates the project in the UI.
  const name = `Live ${uniq()}`;
  const projectKey = `L${uniq().slice(-6).toUpperCase()}`.replace(/[^A-Z0-9]/g, "X");
  await pageA.goto("/");
  await pageA.getByRole("button", { name: "New project" }).first().click();
  const dialog = pageA.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Key").fill(projectKey);
  await dialog.getByRole("button", { name: "Create project" }).click();
  await expect(pageA).toHaveURL(/\/live-[a-z0-9-]+$/);
  const project = { slug: new URL(pageA.url()).pathname.slice(1), key: projectKey };
  await expect(pageA.getByTestId("realtime-status")).toHaveAttribute("data-status", "live");
  await addMember(ctxA.request, project.slug, bob.username);

  await openBoard(pageB, project.slug);

  // Add a card inline: Enter creates it and keeps the input open for the next one.
  await column(pageA, "To do").getByRole("button", { name: "Add card" }).click();
  const input = column(pageA, "To do").getByRole("textbox");
  await input.fill("Write the release notes");
  const created = pageA.waitForResponse(
    (r) => r.url().endsWith(`/projects/${project.slug}/cards`) && r.request().method() === "POST",
  );
  await input.press("Enter");
  expect((await created).status()).toBe(201);
  const key = `${project.key}-1`;
  await expect(card(pageA, key)).toContainText("Write the release notes");
  await expect(input).toBeFocused();
  await expect(input).toHaveValue("");
  await input.press("Escape");
  await expect(column(pageA, "To do").getByRole("textbox")).toHaveCount(0);

  // Bob sees it appear without reloading.
  await expect(column(pageB, "To do").locator(`[data-card-key="${key}"]`)).toBeVisible();

  // Alice drags it with the mouse to "In progress".
  const moved = pageA.waitForResponse(isMove(key));
  await dragWithMouse(pageA, card(pageA, key), column(pageA, "In progress"));
  expect((await moved).status()).toBe(200);
  await expect(column(pageA, "In progress").locator(`[data-card-key="${key}"]`)).toBeVisible();

  // Bob's page, open all along, follows.
  await expect(column(pageB, "In progress").locator(`[data-card-key="${key}"]`)).toBeVisible();
  await expect(column(pageB, "To do").locator(`[data-card-key="${key}"]`)).toHaveCount(0);

  // The server kept it.
  await pageA.reload();
  await expect(column(pageA, "In progress").locator(`[data-card-key="${key}"]`)).toBeVisible();
  const board = await getBoard(ctxB.request, project.slug);
  expect(board.columns.find((c) => c.name === "In progress")?.cards.map((c) => c.key)).toEqual([key]);

  await closeAll(ctxA, ctxB);
});

test("[BOARD]: cards move with the keyboard (Space, arrows, Space) within and across columns", async ({ browser }) => {
  const [alice] = await createUsers(1);
  const ctx = await signedInContext(browser, alice);
  const page = await ctx.newPage();
  const project = await createProject(ctx.request);
  const board0 = await getBoard(ctx.request, project.slug);
  const todo = board0.columns[0].id;
  const first = await createCard(ctx.request, project.slug, { title: "First", columnId: todo });
  const second = await createCard(ctx.request, project.slug, { title: "Second", columnId: todo });
  await openBoard(page, project.slug);

  // Within the column: First goes below Second.
  let moved = page.waitForResponse(isMove(first.key));
  await card(page, first.key).focus();
  await keyboardLift(page);
  await keyboardStep(page, "ArrowDown", "over column To do, position 2 of 2");
  await page.keyboard.press("Space");
  expect((await moved).status()).toBe(200);
  let board = await getBoard(ctx.request, project.slug);
  expect(board.columns[0].cards.map((c) => c.key)).toEqual([second.key, first.key]);

  // Across columns: Second goes to "In progress".
  moved = page.waitForResponse(isMove(second.key));
  await card(page, second.key).focus();
  await keyboardLift(page);
  await keyboardStep(page, "ArrowRight", "over column In progress");
  await page.keyboard.press("Space");
  expect((await moved).status()).toBe(200);
  board = await getBoard(ctx.request, project.slug);
  expect(board.columns.map((c) => c.cards.map((x) => x.key))).toEqual([[first.key], [second.key], []]);
  await expect(column(page, "In progress").locator(`[data-card-key="${second.key}"]`)).toBeVisible();

  // Escape cancels: nothing is sent, the card stays.
  await card(page, first.key).focus();
  await keyboardLift(page);
  await keyboardStep(page, "ArrowRight", "over column In progress");
  await page.keyboard.press("Escape");
  await expect(column(page, "To do").locator(`[data-card-key="${first.key}"]`)).toBeVisible();
  board = await getBoard(ctx.request, project.slug);
  expect(board.columns[0].cards.map((c) => c.key)).toEqual([first.key]);

  await ctx.close();
});

test("[BOARD]: moving into a column at its WIP limit asks first", async ({ browser }) => {
  const [alice] = await createUsers(1);
  const ctx = await signedInContext(browser, alice);
  const page = await ctx.newPage();
  const project = await createProject(ctx.request);
  const [todo, doing] = (await getBoard(ctx.request, project.slug)).columns.map((c) => c.id);
  await apiJson(ctx.request, "POST", `/api/v1/projects/${project.slug}/columns`, {
    name: "Review",
    wipLimit: 1,
    afterColumnId: doing,
  });
  const waiting = await createCard(ctx.request, project.slug, { title: "Waiting", columnId: todo });
  const review = (await getBoard(ctx.request, project.slug)).columns.find((c) => c.name === "Review")!;
  await createCard(ctx.request, project.slug, { title: "In review", columnId: review.id });
  await openBoard(page, project.slug);
  await expect(column(page, "Review").getByTestId("wip")).toHaveText("1 / 1");

  // To do → In progress → Review with the keyboard; the drop asks, Cancel puts it back.
  const lift = async () => {
    await card(page, waiting.key).focus();
    await keyboardLift(page);
    await keyboardStep(page, "ArrowRight", "over column In progress");
    await keyboardStep(page, "ArrowRight", "over column Review");
    await page.keyboard.press("Space");
  };
  await lift();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Review");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(column(page, "To do").locator(`[data-card-key="${waiting.key}"]`)).toBeVisible();
  expect((await getBoard(ctx.request, project.slug)).columns[0].cards.map((c) => c.key)).toEqual([waiting.key]);

  await lift();
  const moved = page.waitForResponse(isMove(waiting.key));
  await dialog.getByRole("button", { name: "Move anyway" }).click();
  expect((await moved).status()).toBe(200);
  await expect(column(page, "Review").getByTestId("wip")).toHaveText("2 / 1");
  const after = await getBoard(ctx.request, project.slug);
  expect(
    after.columns
      .find((c) => c.name === "Review")
      ?.cards.map((c) => c.title)
      .sort(),
  ).toEqual(["In review", "Waiting"]);
  expect(after.columns[0].cards).toEqual([]);
  await ctx.close();
});
