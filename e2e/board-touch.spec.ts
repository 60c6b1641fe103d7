// Touch: a card is dragged by pressing and holding it (the TouchSensor's delay), then moving the
// finger; real touch events through the DevTools protocol, in a context with a touch screen.

import { card, column, createCard, createProject, createUsers, getBoard, openBoard, signIn } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

test("[BOARD]: a card is dragged to another column by touch (press and hold, move, lift)", async ({ browser }) => {
  const [alice] = await createUsers(1);
  const ctx = await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 } });
  await signIn(ctx.request, alice);
  const page = await ctx.newPage();
  const project = await createProject(ctx.request);
  const [todo] = (await getBoard(ctx.request, project.slug)).columns.map((c) => c.id);
  const { key } = await createCard(ctx.request, project.slug, { title: "Move me by finger", columnId: todo });
  await openBoard(page, project.slug);

  const from = await card(page, key).boundingBox();
  const to = await column(page, "In progress").boundingBox();
  if (!from || !to) throw new Error("not visible");
  const cdp = await ctx.newCDPSession(page);
  const touch = (type: "touchStart" | "touchMove" | "touchEnd", x: number, y: number) =>
    cdp.send("Input.dispatchTouchEvent", {
      type,
      touchPoints: type === "touchEnd" ? [] : [{ x: Math.round(x), y: Math.round(y), id: 1 }],
    });

  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: to.x + to.width / 2, y: to.y + 60 };
  await touch("touchStart", start.x, start.y);
  // Held still, the card is picked up after the press delay.
  await expect(card(page, key)).toHaveAttribute("aria-pressed", "true");
  const moved = page.waitForResponse((r) => r.url().endsWith(`/cards/${key}/move`) && r.request().method() === "POST");
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await touch("touchMove", start.x + ((end.x - start.x) * i) / steps, start.y + ((end.y - start.y) * i) / steps);
  }
  await expect(column(page, "In progress").locator(`[data-card-key="${key}"]`)).toBeAttached();
  await touch("touchEnd", end.x, end.y);
  expect((await moved).status()).toBe(200);

  await expect(column(page, "In progress").locator(`[data-card-key="${key}"]`)).toBeVisible();
  const board = await getBoard(ctx.request, project.slug);
  expect(board.columns.map((c) => c.cards.map((x) => x.key))).toEqual([[], [key], []]);
  // A drag is not a tap: the card did not open.
  await expect(page).toHaveURL(new RegExp(`/${project.slug}$`));
  await ctx.close();
});
