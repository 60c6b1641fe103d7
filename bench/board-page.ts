// Board page benchmark in Chromium: seeds a 20 × 250 board (5,000 cards with labels and assignees)
// straight into the database of a running WarmDesk (same DATA_DIR / DATABASE_URL), then prints the
// time to interactive, frame times while dragging a card across columns (requestAnimationFrame
// deltas in the page) and whether the horizontal scroller auto-scrolls. Figures only; no thresholds.
//
//   DATA_DIR=/work/main/data npx tsx bench/board-page.ts   (the app on http://localhost:3000)
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chromium } from "@playwright/test";
import { getDb } from "../lib/db/client.ts";

const BASE = "http://localhost:3000";
const id = randomBytes(3).toString("hex");
const user = { email: `perf.${id}@e2e.test`, username: `perf.${id}`, password: "correct horse battery", language: "en" };
execFileSync(process.execPath, ["--import", "tsx", "e2e/support/create-users.ts", JSON.stringify([user])], {
  env: process.env,
});
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const { csrfToken } = await (await ctx.request.get(`${BASE}/api/auth/csrf`)).json();
await ctx.request.post(`${BASE}/api/auth/callback/credentials`, {
  form: { csrfToken, email: user.email, password: user.password, json: "true" },
  maxRedirects: 0,
});
const project = await (
  await ctx.request.post(`${BASE}/api/v1/projects`, {
    data: { name: `Perf ${id}`, key: `PF${id.toUpperCase()}`.slice(0, 8).replace(/[^A-Z0-9]/g, "X") },
  })
).json();

const db = getDb();
const t0 = performance.now();
const me = await db.user.findFirstOrThrow({ where: { username: user.username }, select: { id: true } });
await db.column.deleteMany({ where: { projectId: project.id } });
const labels: { id: number }[] = [];
for (const [i, name] of ["Bug", "Feature", "Design", "Backend", "Frontend", "Ops"].entries())
  labels.push(
    await db.label.create({
      data: { projectId: project.id, name, color: ["#2563eb", "#16a34a", "#d97706", "#dc2626", "#7c3aed", "#0891b2"][i] },
    }),
  );
let number = 0;
for (let c = 0; c < 20; c++) {
  const column = await db.column.create({
    data: { projectId: project.id, name: `Column ${c + 1}`, position: (c + 1) * 1024, wipLimit: 0 },
  });
  await db.card.createMany({
    data: Array.from({ length: 250 }, (_, i) => ({
      projectId: project.id,
      columnId: column.id,
      title: `Card ${c + 1}.${i + 1} with a reasonably long title to wrap`,
      position: (i + 1) * 1024,
      number: ++number,
      priority: ["low", "medium", "high", "critical"][i % 4],
      createdById: me.id,
    })),
  });
}
await db.project.update({ where: { id: project.id }, data: { cardCounter: number } });
const cards = await db.card.findMany({ where: { projectId: project.id }, select: { id: true } });
await db.cardLabel.createMany({ data: cards.map((c, i) => ({ cardId: c.id, labelId: labels[i % labels.length].id })) });
await db.cardAssignee.createMany({ data: cards.filter((_, i) => i % 2 === 0).map((c) => ({ cardId: c.id, userId: me.id })) });
console.log(`seeded ${cards.length} cards in ${Math.round(performance.now() - t0)} ms`);

const page = await ctx.newPage();
page.setDefaultTimeout(240_000);
// Warm the dev server's compile of the page first (not part of the figure).
await page.goto(`${BASE}/${project.slug}`, { waitUntil: "load" });
for (let run = 0; run < 2; run++) {
  const start = Date.now();
  await page.goto(`${BASE}/${project.slug}`, { waitUntil: "domcontentloaded" });
  await page.locator('[data-status="live"]').waitFor({ timeout: 60_000 });
  const live = Date.now() - start;
  const nav = (await page.evaluate(`(() => {
    const n = performance.getEntriesByType("navigation")[0];
    return { ttfb: Math.round(n.responseStart), dcl: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) };
  })()`)) as { ttfb: number; dcl: number; load: number };
  console.log(
    `run ${run + 1}: TTFB ${nav.ttfb} ms, DOMContentLoaded ${nav.dcl} ms, load ${nav.load} ms, realtime live (interactive) ${live} ms`,
  );
}
const cardsInDom = await page.locator("[data-card-key]").count();
console.log(`cards in the DOM: ${cardsInDom}`);

// Drag the first card of column 1 to column 3 with the mouse, in 60 steps, recording frame deltas.
await page.evaluate(`(() => {
  window.__frames = [];
  window.__stop = false;
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    if (!window.__stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`);
const from = page.locator("[data-card-key]").first();
const target = page.locator("section[data-column-name='Column 3'] [data-card-key]").nth(2);
const a = await from.boundingBox();
const b = await target.boundingBox();
if (!a || !b) throw new Error("not visible");
const dragStart = Date.now();
await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
await page.mouse.down();
await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 5, { steps: 3 });
await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 60 });
await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2 + 20, { steps: 10 });
const dragMs = Date.now() - dragStart;
await page.mouse.up();
await page.waitForTimeout(500);
const frames = (await page.evaluate(`(() => { window.__stop = true; return window.__frames.slice(1); })()`)) as number[];
frames.sort((x, y) => x - y);
const q = (p: number) => frames[Math.min(frames.length - 1, Math.floor(p * frames.length))].toFixed(1);
console.log(
  `drag across 2 columns (73 pointer moves in ${dragMs} ms): ${frames.length} frames, frame time p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms, long frames (>50 ms): ${frames.filter((f) => f > 50).length}`,
);
const moved = await page.locator("section[data-column-name='Column 3'] [data-card-key]").count();
console.log(`column 3 now shows ${moved} cards`);
// Auto-scroll: hold a dragged card at the right edge of the horizontal scroller.
const scroller = page.getByTestId("board");
const before = await scroller.evaluate((el) => el.scrollLeft);
const first = await page.locator("[data-card-key]").first().boundingBox();
const box = await scroller.boundingBox();
if (!first || !box) throw new Error("not visible");
await page.mouse.move(first.x + 20, first.y + 20);
await page.mouse.down();
await page.mouse.move(first.x + 40, first.y + 30, { steps: 3 });
await page.mouse.move(box.x + box.width - 8, first.y + 40, { steps: 20 });
await page.waitForTimeout(1500);
const after = await scroller.evaluate((el) => el.scrollLeft);
await page.keyboard.press("Escape");
await page.mouse.up();
console.log(`auto-scroll: board scrollLeft ${before} -> ${after} after holding a dragged card at the right edge for 1.5 s`);
await browser.close();
process.exit(0);
