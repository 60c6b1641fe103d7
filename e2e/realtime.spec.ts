// Live collaboration in two browsers: edits show up in the other one, a page whose connection was
// cut catches up once it is back (the WebSocket is routed through Playwright so that it can be cut
// and held down), and presence shows who else has the board or a card open.

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
import { type BrowserContext, expect, type Page, test, type WebSocketRoute } from "./support/test.ts";

/** The board as the page shows it: column names with their card keys, in order. */
const shownBoard = (page: Page) =>
  page.locator("section[data-column-name]").evaluateAll((sections) =>
    sections.map((s) => ({
      name: s.getAttribute("data-column-name"),
      cards: [...s.querySelectorAll("[data-card-key]")].map((c) => c.getAttribute("data-card-key")),
    })),
  );

/** Routes the page's realtime WebSocket through a switch: `cut()` drops it and refuses reconnects until `restore()`. */
async function switchableNetwork(context: BrowserContext) {
  let isDown = false;
  const open = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/socket\.io\//, async (ws) => {
    if (isDown) {
      await ws.close({ code: 1006, reason: "network down" });
      return;
    }
    open.add(ws);
    ws.connectToServer();
  });
  return {
    async cut() {
      isDown = true;
      for (const ws of open) await ws.close({ code: 1006, reason: "network down" });
      open.clear();
    },
    restore() {
      isDown = false;
    },
  };
}

test("[REALTIME]: a card edited in one browser changes in the other's board and card view", async ({ browser }) => {
  const [alice, bob] = await createUsers(2);
  const ctxA = await signedInContext(browser, alice);
  const ctxB = await signedInContext(browser, bob);
  const project = await createProject(ctxA.request);
  await addMember(ctxA.request, project.slug, bob.username);
  const { key } = await createCard(ctxA.request, project.slug, { title: "Draft the offer" });
  const boardB = await ctxB.newPage();
  await openBoard(boardB, project.slug);
  const cardB = await ctxB.newPage();
  await cardB.goto(`/${project.slug}/cards/${key}`);
  await expect(cardB.getByTestId("realtime-status")).toHaveAttribute("data-status", "live");

  const cardA = await ctxA.newPage();
  await cardA.goto(`/${project.slug}/cards/${key}`);
  await cardA.getByRole("button", { name: "Edit title" }).click();
  const title = cardA.getByRole("textbox", { name: "Title", exact: true });
  await title.fill("Draft the offer for ACME");
  await title.press("Enter");
  await expect(cardA.getByTestId("card-title")).toHaveText("Draft the offer for ACME");

  await expect(card(boardB, key)).toContainText("Draft the offer for ACME");
  await expect(cardB.getByTestId("card-title")).toHaveText("Draft the offer for ACME");
  await closeAll(ctxA, ctxB);
});

test("[REALTIME]: a board whose connection was cut catches up on 20 changes once it is back", async ({ browser }) => {
  const [alice] = await createUsers(1);
  const viewer = await signedInContext(browser, alice);
  const network = await switchableNetwork(viewer);
  const page = await viewer.newPage();
  const project = await createProject(viewer.request);
  const [todo, doing, done] = (await getBoard(viewer.request, project.slug)).columns.map((c) => c.id);
  const first = await createCard(viewer.request, project.slug, { title: "Already there", columnId: todo });
  await openBoard(page, project.slug);
  await expect(card(page, first.key)).toBeVisible();

  await network.cut();
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-status", "reconnecting");
  // Twenty changes made elsewhere (same account, another client) while this page is cut off.
  const writer = viewer.request;
  const keys = (
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => createCard(writer, project.slug, { title: `Offline ${i}`, columnId: todo })),
    )
  ).map((c) => c.key);
  await Promise.all(
    keys.map((key, i) =>
      apiJson(writer, "POST", `/api/v1/projects/${project.slug}/cards/${key}/move`, { columnId: i % 2 ? doing : done }),
    ),
  );
  await Promise.all(
    [0, 1, 2].map((i) =>
      apiJson(writer, "PATCH", `/api/v1/projects/${project.slug}/cards/${keys[i]}`, { title: `Renamed ${i}` }),
    ),
  );
  await apiJson(writer, "POST", `/api/v1/projects/${project.slug}/columns`, { name: "Review" });
  // Nothing reached the page meanwhile.
  await expect(card(page, keys[0])).toHaveCount(0);

  network.restore();
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-status", "live", { timeout: 20_000 });
  const fresh = await getBoard(writer, project.slug);
  const expected = fresh.columns.map((c) => ({ name: c.name, cards: c.cards.map((x) => x.key) }));
  await expect.poll(() => shownBoard(page)).toEqual(expected);
  await expect(card(page, keys[0])).toContainText("Renamed 0");
  // The same as a fresh load of the page.
  const other = await viewer.newPage();
  await openBoard(other, project.slug);
  expect(await shownBoard(other)).toEqual(await shownBoard(page));
  await viewer.close();
});

test("[REALTIME]: presence shows who has the board and a card open, and goes when their tab closes", async ({ browser }) => {
  const [alice, bob] = await createUsers(2, "en", ["alice", "bob"]);
  const ctxA = await signedInContext(browser, alice);
  const ctxB = await signedInContext(browser, bob);
  const project = await createProject(ctxA.request);
  await addMember(ctxA.request, project.slug, bob.username);
  const { key } = await createCard(ctxA.request, project.slug, { title: "Pricing page" });

  const boardA = await ctxA.newPage();
  await openBoard(boardA, project.slug);
  await expect(boardA.getByTestId("presence")).toHaveCount(0);

  // Bob opens the board: Alice sees his avatar.
  const boardB = await ctxB.newPage();
  await openBoard(boardB, project.slug);
  const bobThere = boardA.locator(`[data-presence-user="${bob.username}"]`);
  await expect(bobThere).toBeVisible();
  await expect(boardA.getByTestId("presence")).toHaveAccessibleName(`Also here: ${bob.username}`);
  await expect(boardB.locator(`[data-presence-user="${alice.username}"]`)).toBeVisible();

  // Both open the card; Bob starts typing in the comment box: Alice's card view says he is editing.
  const cardA = await ctxA.newPage();
  await cardA.goto(`/${project.slug}/cards/${key}`);
  const cardB = await ctxB.newPage();
  await cardB.goto(`/${project.slug}/cards/${key}`);
  await expect(cardA.getByTestId("card-presence")).toContainText(`${bob.username} also has this card open`);
  await cardB.getByRole("textbox", { name: "Write a comment…" }).focus();
  await expect(cardA.getByTestId("card-presence")).toContainText(`${bob.username} is editing this card`);
  await expect(bobThere).toHaveAttribute("data-editing", "true");

  // Bob closes his tabs: he disappears from Alice's board and card within seconds.
  await cardB.close();
  await expect(cardA.getByTestId("card-presence")).toHaveCount(0);
  await boardB.close();
  await expect(bobThere).toHaveCount(0);
  await expect(boardA.getByTestId("presence")).toHaveCount(0);
  await closeAll(ctxA, ctxB);
});

test("[REALTIME]: a column added by another member appears live, in place", async ({ browser }) => {
  const [alice, bob] = await createUsers(2);
  const ctxA = await signedInContext(browser, alice);
  const ctxB = await signedInContext(browser, bob);
  const project = await createProject(ctxA.request);
  await addMember(ctxA.request, project.slug, bob.username);
  const [, doing] = (await getBoard(ctxA.request, project.slug)).columns.map((c) => c.id);
  const page = await ctxB.newPage();
  await openBoard(page, project.slug);
  await apiJson(ctxA.request, "POST", `/api/v1/projects/${project.slug}/columns`, { name: "Review", afterColumnId: doing });
  await expect(column(page, "Review")).toBeVisible();
  expect((await shownBoard(page)).map((c) => c.name)).toEqual(["To do", "In progress", "Review", "Done"]);
  await closeAll(ctxA, ctxB);
});

const shots = !!process.env.E2E_SHOTS;
for (const language of ["en", "de"] as const) {
  for (const scheme of ["light", "dark"] as const) {
    test(`[SHOTS]: presence on the board and a card in ${language}, ${scheme}`, async ({ browser }) => {
      test.skip(!shots, "screenshots only with E2E_SHOTS=1");
      test.setTimeout(300_000);
      const [owner, anna, mo] = await createUsers(3, language, ["jonas", "anna", "mo"]);
      const ctx = await signedInContext(browser, owner, { colorScheme: scheme });
      const project = await createProject(ctx.request);
      await addMember(ctx.request, project.slug, anna.username);
      await addMember(ctx.request, project.slug, mo.username);
      const { key } = await createCard(ctx.request, project.slug, { title: "Pricing page copy", priority: "high" });
      await createCard(ctx.request, project.slug, { title: "Newsletter sign-up" });
      const others = await Promise.all([anna, mo].map((u) => signedInContext(browser, u)));
      const [annaCard, moBoard] = await Promise.all(others.map((c) => c.newPage()));
      await openBoard(moBoard, project.slug);
      await annaCard.goto(`/${project.slug}/cards/${key}`);
      await annaCard.getByRole("textbox", { name: language === "de" ? /Kommentar/ : "Write a comment…" }).focus();
      const page = await ctx.newPage();
      await page.setViewportSize({ width: 1280, height: 640 });
      await openBoard(page, project.slug);
      await expect(page.locator("[data-presence-user]")).toHaveCount(2);
      await page.screenshot({ path: `tmp/shots/presence-board-${language}-${scheme}.png` });
      await page.goto(`/${project.slug}/cards/${key}`);
      await expect(page.getByTestId("card-presence")).toBeVisible();
      await page.screenshot({ path: `tmp/shots/presence-card-${language}-${scheme}.png` });
      await closeAll(ctx, ...others);
    });
  }
}
