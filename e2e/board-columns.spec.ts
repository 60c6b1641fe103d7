// Columns reorder by dragging their header handle: with the keyboard (Space, arrows, Space, with
// announcements), Escape cancels, and the new order is what the server keeps. Viewers get no handle.

import {
  addMember,
  createProject,
  createUsers,
  getBoard,
  keyboardLift,
  keyboardStep,
  openBoard,
  signedInContext,
} from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

const columnNames = (page: import("@playwright/test").Page) =>
  page.locator("section[data-column-name]").evaluateAll((els) => els.map((e) => e.getAttribute("data-column-name")));

test("[BOARD]: a column dragged with the keyboard keeps its new place after a reload", async ({ browser }) => {
  const [alice] = await createUsers(1);
  const ctx = await signedInContext(browser, alice);
  const page = await ctx.newPage();
  const project = await createProject(ctx.request);
  const before = (await getBoard(ctx.request, project.slug)).columns.map((c) => c.name);
  expect(before).toEqual(["To do", "In progress", "Done"]);
  await openBoard(page, project.slug);

  // Escape cancels: nothing is sent, the order stays.
  const handle = page.getByRole("button", { name: "Move column To do" });
  await handle.focus();
  await keyboardLift(page);
  await expect(page.locator('section[data-column-name="To do"]')).toHaveAttribute("data-dragging", "true");
  await keyboardStep(page, "ArrowRight", "Column To do is at position 2 of 3");
  await page.keyboard.press("Escape");
  await expect(page.locator('section[data-column-name="To do"]')).not.toHaveAttribute("data-dragging", "true");
  expect(await columnNames(page)).toEqual(before);

  // Space lifts, two steps right, Space drops: "To do" goes last.
  const moved = page.waitForResponse((r) => r.url().includes("/columns/") && r.url().endsWith("/move"));
  await handle.focus();
  await keyboardLift(page);
  await expect(page.getByRole("status").filter({ hasText: "Picked up column To do" })).toBeAttached();
  await keyboardStep(page, "ArrowRight", "Column To do is at position 2 of 3");
  await keyboardStep(page, "ArrowRight", "Column To do is at position 3 of 3");
  await page.keyboard.press("Space");
  expect((await moved).status()).toBe(200);
  await expect.poll(() => columnNames(page)).toEqual(["In progress", "Done", "To do"]);
  // Focus comes back to the handle, so the next move can follow at once.
  await expect(handle).toBeFocused();

  await page.reload();
  await expect(page.locator("section[data-column-name]")).toHaveCount(3);
  await expect.poll(() => columnNames(page)).toEqual(["In progress", "Done", "To do"]);
  expect((await getBoard(ctx.request, project.slug)).columns.map((c) => c.name)).toEqual(["In progress", "Done", "To do"]);
  await ctx.close();
});

test("[BOARD]: viewers get no column drag handle", async ({ browser }) => {
  const [owner, viewer] = await createUsers(2);
  const ownerCtx = await signedInContext(browser, owner);
  const project = await createProject(ownerCtx.request);
  await addMember(ownerCtx.request, project.slug, viewer.username, "viewer");
  const ctx = await signedInContext(browser, viewer);
  const page = await ctx.newPage();
  await openBoard(page, project.slug);
  await expect(page.locator("section[data-column-name]")).toHaveCount(3);
  await expect(page.getByTestId("column-drag-handle")).toHaveCount(0);
  await Promise.all([ctx.close(), ownerCtx.close()]);
});
