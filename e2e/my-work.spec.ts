// "My work" live in two browsers: Anna's page shows what others assign to her in any project as it
// happens (a new card, a due date that becomes overdue, a card moved to done leaves), her running
// timer started on another device, and a mention. Plus screenshots (light/dark, desktop/phone).

import { addMember, apiJson, createCard, createProject, createUsers, getBoard, signedInContext } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

// The live checks wait for a re-render of the server page (which a dev server compiles on first use).
const live = { timeout: 45_000 };

test("[MY WORK]: cards assigned in another browser, a timer and a mention appear live", async ({ browser }) => {
  const [owner, anna] = await createUsers(2);
  const ctxOwner = await signedInContext(browser, owner);
  const ctxAnna = await signedInContext(browser, anna);
  const alpha = await createProject(ctxOwner.request, "Alpha site");
  const beta = await createProject(ctxOwner.request, "Beta app");
  for (const p of [alpha, beta]) await addMember(ctxOwner.request, p.slug, anna.username);
  const first = await createCard(ctxOwner.request, alpha.slug, {
    title: "Write the copy",
    assignees: [anna.username],
    dueDate: day(2),
  });

  const page = await ctxAnna.newPage();
  await page.goto("/my-work");
  await expect(page.getByRole("heading", { name: "My work", level: 1 })).toBeVisible();
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-status", "live", live);
  await expect(page.locator(`[data-card-key="${first.key}"]`)).toBeVisible();

  // The owner, in the other browser (its board page open), assigns an overdue card in the other project.
  const ownerPage = await ctxOwner.newPage();
  await ownerPage.goto(`/${beta.slug}`);
  const late = await createCard(ctxOwner.request, beta.slug, {
    title: "Fix the login bug",
    assignees: [anna.username],
    dueDate: day(-1),
  });
  const overdue = page.locator('[data-testid="work-group"][data-group="overdue"]');
  await expect(overdue.locator(`[data-card-key="${late.key}"]`)).toBeVisible(live);
  await expect(page.getByTestId("work-summary")).toContainText("2 open cards");

  // Moved to done: it leaves.
  const board = await getBoard(ctxOwner.request, beta.slug);
  await apiJson(ctxOwner.request, "POST", `/api/v1/projects/${beta.slug}/cards/${late.key}/move`, {
    columnId: board.columns.at(-1)?.id,
  });
  await expect(page.locator(`[data-card-key="${late.key}"]`)).toHaveCount(0, live);

  // A timer started on Anna's other device, and a mention by the owner.
  await apiJson(ctxAnna.request, "POST", "/api/v1/timer/start", {
    projectSlug: alpha.slug,
    cardKey: first.key,
    description: "copy",
  });
  await expect(page.getByTestId("work-timer-clock")).toBeVisible(live);
  await apiJson(ctxOwner.request, "POST", `/api/v1/projects/${alpha.slug}/cards/${first.key}/comments`, {
    body: `@${anna.username} please check the tone`,
  });
  await expect(page.getByTestId("work-mentions-count")).toHaveText("1", live);
  await expect(page.getByTestId("work-mentions")).toContainText("please check the tone");

  // Grouped by project.
  await page.getByRole("navigation", { name: "Group by" }).getByRole("link", { name: "Project" }).click();
  await expect(page.locator('[data-testid="work-group"]').first()).toHaveAttribute("data-group", alpha.slug, live);
  await ctxOwner.close();
  await ctxAnna.close();
});

test("[MY WORK]: screenshots", async ({ browser }) => {
  test.skip(!process.env.E2E_SHOTS, "screenshots only with E2E_SHOTS=1");
  const [owner, anna] = await createUsers(2, "en", ["jonas", "anna"]);
  const ctxOwner = await signedInContext(browser, owner);
  const site = await createProject(ctxOwner.request, "Website relaunch");
  const app = await createProject(ctxOwner.request, "Mobile app");
  for (const p of [site, app]) await addMember(ctxOwner.request, p.slug, anna.username);
  const cards: Array<[string, Record<string, unknown>]> = [
    [site.slug, { title: "Cookie banner copy for DE and EN", dueDate: day(-3), priority: "high", labels: ["legal"] }],
    [app.slug, { title: "Crash on start with an empty cache", dueDate: day(-1), priority: "critical" }],
    [site.slug, { title: "Review the new pricing page", dueDate: day(0) }],
    [app.slug, { title: "Push notifications: opt-in screen", dueDate: day(4), labels: ["ux"] }],
    [site.slug, { title: "Redirect map for the old blog", dueDate: day(20) }],
    [app.slug, { title: "Collect beta feedback", priority: "low" }],
  ];
  let firstKey = "";
  for (const [slug, body] of cards) {
    const c = await createCard(ctxOwner.request, slug, { ...body, assignees: [anna.username] });
    firstKey ||= c.key;
  }
  await apiJson(ctxOwner.request, "POST", `/api/v1/projects/${site.slug}/cards/${firstKey}/comments`, {
    body: `@${anna.username} legal wants the short version`,
  });
  for (const scheme of ["light", "dark"] as const) {
    const ctx = await signedInContext(browser, anna, { colorScheme: scheme });
    await apiJson(ctx.request, "POST", "/api/v1/timer/start", {
      projectSlug: site.slug,
      cardKey: firstKey,
      description: "Copy",
    }).catch(() => undefined);
    const page = await ctx.newPage();
    for (const width of [1440, 375]) {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 800 });
      await page.goto("/my-work");
      await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-status", "live", live);
      await page.screenshot({ path: `tmp/shots/my-work-${scheme}-${width}.png`, fullPage: true });
    }
    await ctx.close();
  }
  await ctxOwner.close();
});
