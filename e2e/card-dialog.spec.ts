// A card opened from the board shows as a dialog over it, at the card's own URL; Escape goes back to
// the board (focus on the card again) and the board behind stays live. The same URL loaded directly
// is the full card page.

import {
  card,
  column,
  createCard,
  createProject,
  createUsers,
  getBoard,
  openBoard,
  signedInContext,
} from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

test("[CARD]: a card opens as a dialog with its own URL; Escape returns to the board; a reload shows the full page", async ({
  browser,
}) => {
  const [alice] = await createUsers(1);
  const ctx = await signedInContext(browser, alice);
  const page = await ctx.newPage();
  const project = await createProject(ctx.request);
  const [todo, doing] = (await getBoard(ctx.request, project.slug)).columns.map((c) => c.id);
  const { key } = await createCard(ctx.request, project.slug, { title: "Plan the launch", columnId: todo });
  const other = await createCard(ctx.request, project.slug, { title: "Book the venue", columnId: todo });
  await openBoard(page, project.slug);
  const boardUrl = page.url();

  await card(page, key).click();
  await expect(page).toHaveURL(new RegExp(`/${project.slug}/cards/${key}$`));
  const dialog = page.getByRole("dialog", { name: "Plan the launch" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("card-detail")).toHaveAttribute("data-variant", "dialog");
  // The board is still there behind the dialog, and still live: a change made elsewhere shows up.
  await expect(page.getByTestId("board")).toBeAttached();
  await ctx.request.post(`/api/v1/projects/${project.slug}/cards/${other.key}/move`, { data: { columnId: doing } });
  await expect(column(page, "In progress").locator(`[data-card-key="${other.key}"]`)).toBeAttached();

  // Escape closes it: back at the board's URL, focus on the card that was opened.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(boardUrl);
  await expect(card(page, key)).toBeFocused();

  // Enter on the focused card opens it again; the close button closes it too.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/cards/${key}$`));
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close and return to the board" }).click();
  await expect(page).toHaveURL(boardUrl);
  await expect(dialog).toHaveCount(0);

  // Loaded directly (here: a reload while the dialog is open), the URL is the full card page.
  await card(page, key).click();
  await expect(dialog).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("card-detail")).toHaveAttribute("data-variant", "page");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByTestId("card-title")).toHaveText("Plan the launch");
  await expect(page.getByRole("link", { name: /Back to the board/ })).toBeVisible();
  await expect(page.getByTestId("board")).toHaveCount(0);

  // The deleted-cards list stays a page of its own, from the board's header too.
  await openBoard(page, project.slug);
  await page.getByRole("link", { name: "Deleted cards" }).click();
  await expect(page).toHaveURL(new RegExp(`/${project.slug}/cards/deleted$`));
  await expect(page.getByRole("heading", { level: 1, name: "Deleted cards" })).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await ctx.close();
});
