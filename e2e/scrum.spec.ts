// Scrum in the browser: estimate in the backlog, plan a sprint by dragging two cards from the
// backlog (mouse and keyboard), start it, move a card to done on the board and watch the burndown
// drop on another user's reports page, complete the sprint. With E2E_SHOTS=1 also screenshots of
// the backlog, the sprint board and the charts (en/de × light/dark) in tmp/shots/.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import {
  addMember,
  apiJson,
  card,
  closeAll,
  column,
  createCard,
  createUsers,
  dragAnnouncement,
  getBoard,
  keyboardLift,
  openBoard,
  signedInContext,
  uniq,
} from "./support/fixtures.ts";
import { expect, type Locator, type Page, type Response, test } from "./support/test.ts";

const run = promisify(execFile);

async function scrumProject(request: Parameters<typeof apiJson>[0], name = `Scrum ${uniq()}`) {
  const key = `S${uniq().slice(-5).toUpperCase()}`.replace(/[^A-Z0-9]/g, "X");
  return apiJson<{ id: number; slug: string; key: string; name: string }>(request, "POST", "/api/v1/projects", {
    name,
    key,
    type: "scrum",
  });
}

/** The backlog page, live. */
async function openBacklog(page: Page, slug: string) {
  await page.goto(`/${slug}/backlog`, { waitUntil: "domcontentloaded" });
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-status", "live");
}

const sprintSection = (page: Page, name: string) => page.locator(`section[data-sprint-name="${name}"]`);
const backlogSection = (page: Page) => page.getByTestId("backlog-section");
const row = (scope: Locator, key: string) => scope.locator(`li[data-card-key="${key}"]`);

/** Drags with real mouse events, in steps, so the pointer sensor and collision detection run as for a person. */
async function dragWithMouse(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error("not visible");
  await page.mouse.move(a.x + 40, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 50, a.y + a.height / 2 + 5, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
}

const planned = (key: string) => (r: Response) =>
  /\/sprints\/\d+\/cards$/.test(r.url()) && r.request().method() === "POST" && (r.request().postData() ?? "").includes(key);

test("[SCRUM]: plan a sprint by dragging two cards from the backlog, start it, finish a card on the board, the burndown drops", async ({
  browser,
}) => {
  const [alice, bob] = await createUsers(2, "en", ["alice", "bob"]);
  const ctxA = await signedInContext(browser, alice);
  const ctxB = await signedInContext(browser, bob);
  const project = await scrumProject(ctxA.request);
  await addMember(ctxA.request, project.slug, bob.username);
  const first = await createCard(ctxA.request, project.slug, { title: "Checkout page", storyPoints: 3 });
  const second = await createCard(ctxA.request, project.slug, { title: "Payment provider", storyPoints: 5 });
  const third = await createCard(ctxA.request, project.slug, { title: "Order emails" });
  const pageA = await ctxA.newPage();
  const pageB = await ctxB.newPage();
  await openBacklog(pageA, project.slug);
  await openBacklog(pageB, project.slug);

  // Inline estimate: the running total follows.
  const points = row(backlogSection(pageA), third.key).getByRole("spinbutton", { name: `Story points of ${third.key}` });
  const estimated = pageA.waitForResponse((r) => r.url().endsWith(`/cards/${third.key}`) && r.request().method() === "PATCH");
  await points.fill("2");
  await points.press("Enter");
  expect((await estimated).status()).toBe(200);
  await expect(row(backlogSection(pageA), third.key).getByTestId("running-total")).toContainText("10");
  await expect(backlogSection(pageA).locator("header")).toContainText("3 cards · 10 points");

  // A sprint, created in its dialog.
  await pageA.getByTestId("create-sprint").click();
  const form = pageA.getByRole("dialog");
  await form.getByLabel("Name").fill("Sprint 1");
  await form.getByLabel("Sprint goal").fill("Customers can pay");
  await form.getByRole("button", { name: "Create" }).click();
  await expect(sprintSection(pageA, "Sprint 1")).toBeVisible();
  await expect(sprintSection(pageB, "Sprint 1")).toBeVisible();

  // The first card with the mouse into the empty sprint.
  const byMouse = pageA.waitForResponse(planned(first.key));
  await dragWithMouse(pageA, row(backlogSection(pageA), first.key), sprintSection(pageA, "Sprint 1").locator("ol"));
  expect((await byMouse).status()).toBe(200);
  await expect(row(sprintSection(pageA, "Sprint 1"), first.key)).toBeVisible();

  // The second with the keyboard: lift, up into the sprint (below the first card), drop.
  await row(backlogSection(pageA), second.key).getByRole("button").focus();
  await keyboardLift(pageA);
  const byKeyboard = pageA.waitForResponse(planned(second.key));
  await pageA.keyboard.press("ArrowUp");
  await expect(dragAnnouncement(pageA)).toContainText("is over Sprint 1");
  await pageA.keyboard.press("Space");
  expect((await byKeyboard).status()).toBe(200);
  await expect(dragAnnouncement(pageA)).toContainText("was dropped in Sprint 1");
  await expect(sprintSection(pageA, "Sprint 1").locator("li[data-card-key]")).toHaveCount(2);
  await expect(sprintSection(pageA, "Sprint 1").getByTestId("list-points")).toContainText("8 points planned");

  // Bob's backlog follows live.
  await expect(sprintSection(pageB, "Sprint 1").locator("li[data-card-key]")).toHaveCount(2);
  await expect(backlogSection(pageB).locator("li[data-card-key]")).toHaveCount(1);

  // Start it: the dialog shows the commitment.
  await sprintSection(pageA, "Sprint 1").getByRole("button", { name: "Start sprint" }).click();
  const start = pageA.getByRole("dialog");
  await expect(start).toContainText("2 cards with 8 points are committed.");
  const started = pageA.waitForResponse((r) => r.url().endsWith("/start") && r.request().method() === "POST");
  await start.getByRole("button", { name: "Start", exact: true }).click();
  expect((await started).status()).toBe(200);
  await expect(sprintSection(pageA, "Sprint 1")).toContainText("Active");

  // Bob watches the burndown.
  await pageB.goto(`/${project.slug}/reports`);
  await expect(pageB.getByTestId("realtime-status")).toHaveAttribute("data-status", "live");
  await expect(pageB.getByTestId("burndown-remaining")).toHaveAttribute("data-remaining", "8");

  // The board shows the sprint's two cards, not the backlog's; one goes to done.
  await openBoard(pageA, project.slug);
  await expect(pageA.getByTestId("active-sprint")).toContainText("Sprint 1");
  await expect(pageA.locator("[data-card-key]")).toHaveCount(2);
  await expect(card(pageA, third.key)).toHaveCount(0);
  const board = await getBoard(ctxA.request, project.slug);
  const done = board.columns.at(-1)?.name as string;
  const moved = pageA.waitForResponse((r) => r.url().endsWith(`/cards/${first.key}/move`) && r.request().method() === "POST");
  await dragWithMouse(pageA, card(pageA, first.key), column(pageA, done));
  expect((await moved).status()).toBe(200);

  // Bob's burndown drops to 5 without a reload.
  await expect(pageB.getByTestId("burndown-remaining")).toHaveAttribute("data-remaining", "5");
  await expect(pageB.getByTestId("burndown-chart").locator("svg").first()).toBeVisible();

  // Complete from the board: one done, one not; the open one goes back to the backlog.
  await pageA.getByTestId("active-sprint").getByRole("button", { name: "Complete sprint" }).click();
  const complete = pageA.getByRole("dialog");
  await expect(complete.getByTestId("complete-done")).toHaveText("1 card · 3 points");
  await expect(complete.getByTestId("complete-open")).toHaveText("1 card · 5 points");
  await complete.getByLabel("Move the cards that are not done to").selectOption("backlog");
  await complete.getByRole("button", { name: "Complete sprint" }).click();
  await expect(pageA.getByTestId("no-active-sprint")).toBeVisible();
  await expect(pageA.locator("[data-card-key]")).toHaveCount(0);
  await openBacklog(pageA, project.slug);
  await expect(backlogSection(pageA).locator("li[data-card-key]")).toHaveCount(2);
  await expect(row(backlogSection(pageA), second.key)).toBeVisible();
  await closeAll(ctxA, ctxB);
});

test("[SCRUM]: a kanban project has no backlog: its board has no project tabs and /backlog leads to the board", async ({
  browser,
}) => {
  const [user] = await createUsers(1);
  const ctx = await signedInContext(browser, user);
  const key = `K${uniq().slice(-5).toUpperCase()}`.replace(/[^A-Z0-9]/g, "X");
  const project = await apiJson<{ slug: string }>(ctx.request, "POST", "/api/v1/projects", { name: `Flow ${uniq()}`, key });
  const page = await ctx.newPage();
  await openBoard(page, project.slug);
  await expect(page.getByTestId("project-tabs")).toHaveCount(0);
  await page.goto(`/${project.slug}/backlog`);
  await expect(page).toHaveURL(new RegExp(`/${project.slug}$`));
  const res = await ctx.request.get(`/api/v1/projects/${project.slug}/sprints`);
  expect(res.status()).toBe(409);
  await ctx.close();
});

// --- screenshots --------------------------------------------------------------------------------

const shots = !!process.env.E2E_SHOTS;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const backdate = (sprintId: number, days: number) =>
  run(process.execPath, ["--import", "tsx", "e2e/support/backdate-sprint.ts", String(sprintId), String(days)], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
  });

for (const language of ["en", "de"] as const) {
  test(`[SHOTS]: backlog, sprint board and reports in ${language}`, async ({ browser }) => {
    test.skip(!shots, "screenshots only with E2E_SHOTS=1");
    test.setTimeout(300_000);
    const [owner, anna, mo] = await createUsers(3, language, ["jonas", "anna", "mo"]);
    const ctx = await signedInContext(browser, owner);
    const de = language === "de";
    const project = await scrumProject(ctx.request, de ? "Webshop" : "Web shop");
    const { slug } = project;
    await addMember(ctx.request, slug, anna.username);
    await addMember(ctx.request, slug, mo.username);
    const board = await getBoard(ctx.request, slug);
    const [todo, doing, done] = board.columns.map((c) => c.id);
    const api = <T>(method: "POST" | "PATCH", path: string, body?: unknown) =>
      apiJson<T>(ctx.request, method, `/api/v1/projects/${slug}${path}`, body);
    const newCard = async (title: string, storyPoints: number, extra: Record<string, unknown> = {}) =>
      (await createCard(ctx.request, slug, { title, storyPoints, ...extra })).key;
    const sprint = async (name: string, body: Record<string, unknown> = {}) =>
      (await api<{ id: number }>("POST", "/sprints", { name, ...body })).id;
    const move = (key: string, columnId: number) => api("POST", `/cards/${key}/move`, { columnId });

    // Two completed sprints for the velocity.
    for (const [name, cards] of [
      ["Sprint 1", [5, 3, 8, 2]],
      ["Sprint 2", [8, 5, 5, 3, 1]],
    ] as const) {
      const id = await sprint(name, { startDate: day(-30), endDate: day(-17) });
      const keys: string[] = [];
      for (const [i, p] of cards.entries()) keys.push(await newCard(`${name} · ${de ? "Aufgabe" : "Task"} ${i + 1}`, p));
      await api("POST", `/sprints/${id}/cards`, { keys });
      await api("POST", `/sprints/${id}/start`, {});
      for (const k of keys.slice(0, -1)) await move(k, done);
      await api("POST", `/sprints/${id}/complete`, { moveUnfinishedTo: "backlog" });
    }

    // The active sprint, lived in for four days.
    const active = await sprint("Sprint 3", {
      goal: de ? "Kundinnen können mit Karte und PayPal bezahlen" : "Customers can pay by card and PayPal",
      startDate: day(-4),
      endDate: day(9),
    });
    const sprintCards = [
      [
        de ? "Kassenseite mit Adressformular" : "Checkout page with address form",
        5,
        { assignees: [anna.username], labels: ["frontend"] },
      ],
      [
        de ? "Zahlungsanbieter anbinden" : "Connect the payment provider",
        8,
        { assignees: [mo.username], priority: "high", labels: ["backend"] },
      ],
      [de ? "Bestellbestätigung per E-Mail" : "Order confirmation email", 3, { labels: ["email"] }],
      [de ? "Gutscheincodes" : "Voucher codes", 5, { assignees: [owner.username] }],
      [de ? "Steuersätze je Land" : "Tax rates per country", 3, {}],
    ] as const;
    const keys: string[] = [];
    for (const [title, p, extra] of sprintCards) keys.push(await newCard(title, p, extra));
    await api("POST", `/sprints/${active}/cards`, { keys: keys.slice(0, 4) });
    await api("POST", `/sprints/${active}/start`, {});
    await backdate(active, 1);
    await move(keys[2], done);
    await move(keys[0], doing);
    await backdate(active, 1);
    await api("POST", `/sprints/${active}/cards`, { key: keys[4] });
    await backdate(active, 1);
    await move(keys[0], done);
    await backdate(active, 1);
    await move(keys[1], doing);

    // A planned sprint and a backlog.
    const next = await sprint("Sprint 4", { startDate: day(10), endDate: day(23) });
    const backlogCards = [
      [de ? "Wunschliste" : "Wish list", 8],
      [de ? "Produktbewertungen" : "Product reviews", 5],
      [de ? "Suche mit Filtern" : "Search with filters", 13],
      [de ? "Lieferzeit anzeigen" : "Show delivery time", 2],
      [de ? "Rücksendungen online" : "Returns online", 8],
      [de ? "Newsletter-Anmeldung" : "Newsletter sign-up", 1],
      [de ? "Größentabelle" : "Size chart", 3],
      [de ? "Geschenkverpackung" : "Gift wrapping", 0],
    ] as const;
    const later: string[] = [];
    for (const [title, p] of backlogCards) later.push(await newCard(title, p, p > 5 ? { priority: "high" } : {}));
    await api("POST", `/sprints/${next}/cards`, { keys: later.slice(0, 2) });
    void todo;

    for (const scheme of ["light", "dark"] as const) {
      const page = await ctx.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 1000 });
      await openBacklog(page, slug);
      await expect(page.locator("li[data-card-key]")).toHaveCount(5 + 8 + 2);
      await page.screenshot({ path: `tmp/shots/backlog-${language}-${scheme}.png`, fullPage: true });
      await page.getByTestId("complete-sprint-button").click();
      await expect(page.getByTestId("complete-done")).toBeVisible();
      await page.screenshot({ path: `tmp/shots/sprint-complete-${language}-${scheme}.png` });
      await page.keyboard.press("Escape");
      await page.setViewportSize({ width: 1440, height: 860 });
      await openBoard(page, slug);
      await expect(page.locator("[data-card-key]")).toHaveCount(5);
      await page.screenshot({ path: `tmp/shots/sprint-board-${language}-${scheme}.png` });
      await page.setViewportSize({ width: 1280, height: 1300 });
      await page.goto(`/${slug}/reports`);
      await expect(page.getByTestId("burndown-chart").locator("svg").first()).toBeVisible();
      await expect(page.getByTestId("velocity-chart").locator("svg").first()).toBeVisible();
      await page.screenshot({ path: `tmp/shots/reports-${language}-${scheme}.png`, fullPage: true });
      if (scheme === "light") {
        await page.emulateMedia({ media: "print", colorScheme: "light" });
        await page.pdf({ path: `tmp/shots/reports-${language}-print.pdf`, format: "A4" });
        await page.emulateMedia({ media: "screen" });
      }
      await page.close();
    }
    await ctx.close();
  });
}
