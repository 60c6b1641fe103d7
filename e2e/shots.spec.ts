// Screenshots of a lived-in board for design review (light/dark × en/de), written to tmp/shots/.
// Not a test of behaviour: runs only with E2E_SHOTS=1.

import { addMember, apiJson, createUsers, getBoard, openBoard, signedInContext, uniq } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

test.skip(!process.env.E2E_SHOTS, "screenshots only with E2E_SHOTS=1");
test.describe.configure({ timeout: 300_000 });

const day = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
};

for (const language of ["en", "de"] as const) {
  test(`[SHOTS]: board in ${language}`, async ({ browser }) => {
    const [owner, anna, mo] = await createUsers(3, language, ["jonas", "anna", "mo"]);
    const ctx = await signedInContext(browser, owner);
    const slug = `website-${uniq()}`;
    const project = await apiJson<{ slug: string; key: string }>(ctx.request, "POST", "/api/v1/projects", {
      name: language === "de" ? "Website-Relaunch" : "Website relaunch",
      key: "WEB",
      slug,
    });
    await addMember(ctx.request, slug, anna.username);
    await addMember(ctx.request, slug, mo.username);
    const board = await getBoard(ctx.request, slug);
    const [todo, doing, done] = board.columns.map((c) => c.id);
    const review = await apiJson<{ id: number }>(ctx.request, "POST", `/api/v1/projects/${slug}/columns`, {
      name: "Review",
      wipLimit: 2,
      afterColumnId: doing,
    });
    const cards: Array<[number, Record<string, unknown>]> = [
      [todo, { title: "Audit the current sitemap and redirects", priority: "low", labels: ["seo"] }],
      [
        todo,
        { title: "Cookie banner copy for DE and EN", labels: ["legal", "copy"], dueDate: day(9), assignees: [anna.username] },
      ],
      [todo, { title: "Pick the hosting plan", priority: "high", dueDate: day(3) }],
      [todo, { title: "Image compression pipeline", labels: ["infra"], assignees: [mo.username] }],
      [
        doing,
        {
          title: "New navigation with mega menu",
          priority: "high",
          labels: ["frontend"],
          assignees: [anna.username, mo.username],
          dueDate: day(-2),
        },
      ],
      [doing, { title: "Migrate blog posts from WordPress", labels: ["content"], assignees: [owner.username] }],
      [
        doing,
        {
          title: "Contact form spam protection",
          priority: "critical",
          labels: ["security"],
          dueDate: day(1),
          assignees: [mo.username],
        },
      ],
      [review.id, { title: "Homepage hero variants", labels: ["design"], assignees: [anna.username] }],
      [review.id, { title: "Accessibility pass on forms", priority: "high", labels: ["a11y"], assignees: [owner.username] }],
      [review.id, { title: "Footer links and legal pages", labels: ["legal"] }],
      [done, { title: "Kick-off with the customer", priority: "low" }],
      [done, { title: "Moodboard and type scale", labels: ["design"], assignees: [anna.username] }],
    ];
    const created: string[] = [];
    for (const [columnId, body] of cards) {
      const c = await apiJson<{ key: string }>(ctx.request, "POST", `/api/v1/projects/${slug}/cards`, { ...body, columnId });
      created.push(c.key);
    }
    for (const [key, n] of [
      [created[4], 3],
      [created[6], 1],
      [created[7], 5],
    ] as const) {
      for (let i = 0; i < n; i++)
        await apiJson(ctx.request, "POST", `/api/v1/projects/${slug}/cards/${key}/comments`, { body: `Comment ${i + 1}` });
    }

    for (const scheme of ["light", "dark"] as const) {
      const page = await ctx.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1440, height: 860 });
      await openBoard(page, project.slug);
      await expect(page.locator("[data-card-key]")).toHaveCount(cards.length);
      await page.screenshot({ path: `tmp/shots/board-${language}-${scheme}.png` });
      await page.locator(`[data-card-key="${created[4]}"]`).click();
      await expect(page).toHaveURL(new RegExp(`/cards/${created[4]}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("New navigation with mega menu");
      await page.screenshot({ path: `tmp/shots/card-${language}-${scheme}.png` });
      await page.close();
    }
    await ctx.close();
  });
}
