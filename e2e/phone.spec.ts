// [PHONE]: a 375 px wide touch screen (issue 21): the board, chat and the timer are usable there
// (no sideways scroll of the page; the main controls reachable), the app is installable (manifest
// with icons, a service worker) and shows an offline page when the network is gone.

import type { Page } from "@playwright/test";
import { addMember, apiJson, createCard, createProject, createUsers, getBoard, signIn } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

const PHONE = { viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

async function noSidewaysScroll(page: Page, what: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${what}: page width`).toBeLessThanOrEqual(client);
}

test("[PHONE]: board, card and chat at 375 px with touch", async ({ browser }) => {
  const [alice, bob] = await createUsers(2, "en", ["alice", "bob"]);
  const ctx = await browser.newContext(PHONE);
  await signIn(ctx.request, alice);
  const project = await createProject(ctx.request);
  await addMember(ctx.request, project.slug, bob.username);
  const [todo] = (await getBoard(ctx.request, project.slug)).columns.map((c) => c.id);
  const { key } = await createCard(ctx.request, project.slug, { title: "On the phone", columnId: todo });
  const page = await ctx.newPage();

  await page.goto(`/${project.slug}`);
  await expect(page.locator(`[data-card-key="${key}"]`)).toBeVisible();
  await noSidewaysScroll(page, "board");
  await page.screenshot({ path: "tmp/e2e-results/phone-board.png" });

  await page.goto(`/${project.slug}/cards/${key}`);
  await expect(page.getByRole("heading", { name: "On the phone" })).toBeVisible();
  await noSidewaysScroll(page, "card");

  // Chat: the list first; a conversation takes the whole width, with a way back.
  const [bobUser] = await apiJson<{ id: number }[]>(
    ctx.request,
    "GET",
    `/api/v1/conversations/users?q=${encodeURIComponent(bob.username)}`,
  );
  const dm = await apiJson<{ id: number }>(ctx.request, "POST", "/api/v1/conversations", { userIds: [bobUser.id] });
  await page.goto("/chat");
  await expect(page.getByTestId("conversation-link").first()).toBeVisible();
  await noSidewaysScroll(page, "chat list");
  const link = await page.getByTestId("conversation-link").first().boundingBox();
  expect(link?.height ?? 0).toBeGreaterThanOrEqual(44);
  await page.goto(`/chat/${dm.id}`);
  await expect(page.getByRole("link", { name: "Back to the conversations" })).toBeVisible();
  await expect(page.getByTestId("conversation-link")).toBeHidden();
  await noSidewaysScroll(page, "conversation");
  await page.screenshot({ path: "tmp/e2e-results/phone-dm.png" });
  await ctx.close();
});

test("[PHONE]: the timer and the week at 375 px", async ({ browser }) => {
  const [alice] = await createUsers(1);
  const ctx = await browser.newContext(PHONE);
  await signIn(ctx.request, alice);
  const page = await ctx.newPage();
  await page.goto("/time");
  await expect(page.getByTestId("week-grid")).toBeVisible();
  await noSidewaysScroll(page, "time");
  await page.screenshot({ path: "tmp/e2e-results/phone-time.png" });
  await ctx.close();
});

test("[PWA]: installable (manifest, icons, service worker) and an offline page without the network", async ({ browser }) => {
  const [alice] = await createUsers(1);
  const ctx = await browser.newContext(PHONE);
  await signIn(ctx.request, alice);
  const page = await ctx.newPage();
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = await (await ctx.request.get(href as string)).json();
  expect(manifest.display).toBe("standalone");
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) expect((await ctx.request.get(icon.src)).ok(), icon.src).toBe(true);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker controls the page once it claimed it; a reload makes sure.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await ctx.setOffline(true);
  await page.goto("/time").catch(() => {});
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await ctx.setOffline(false);
  await ctx.close();
});
