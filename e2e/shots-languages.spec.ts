// Screenshots of the board, the time week view and the settings pages in French, Polish and
// Japanese (1440 px, light and dark), written to tmp/shots/, to look at for overflow, clipping and
// missing glyphs. Not a test of behaviour: runs only with E2E_SHOTS=1.

import { createAdmin } from "./support/admin.ts";
import { addMember, apiJson, createUsers, getBoard, openBoard, signedInContext, uniq } from "./support/fixtures.ts";
import { expect, test } from "./support/test.ts";

test.skip(!process.env.E2E_SHOTS, "screenshots only with E2E_SHOTS=1");
test.describe.configure({ timeout: 900_000 });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

for (const language of ["fr", "pl", "ja"] as const) {
  test(`[SHOTS]: board, week and settings in ${language}`, async ({ browser }) => {
    const owner = await createAdmin(language, `owner${language}`);
    const [anna] = await createUsers(1, language, ["anna"]);
    const ctx = await signedInContext(browser, owner);
    const slug = `site-${uniq()}`;
    const project = await apiJson<{ slug: string; key: string }>(ctx.request, "POST", "/api/v1/projects", {
      name: { fr: "Refonte du site", pl: "Nowa strona WWW", ja: "Webサイト刷新" }[language],
      key: "WEB",
      slug,
    });
    await addMember(ctx.request, slug, anna.username);
    const board = await getBoard(ctx.request, slug);
    const [todo, doing, done] = board.columns.map((c) => c.id);
    const titles = {
      fr: [
        "Auditer le plan du site et les redirections",
        "Choisir l’offre d’hébergement",
        "Nouvelle navigation avec méga-menu",
        "Protection anti-spam du formulaire de contact",
        "Réunion de lancement avec le client",
      ],
      pl: [
        "Audyt mapy strony i przekierowań",
        "Wybór planu hostingowego",
        "Nowa nawigacja z mega menu",
        "Ochrona formularza kontaktowego przed spamem",
        "Spotkanie startowe z klientem",
      ],
      ja: [
        "サイトマップとリダイレクトの監査",
        "ホスティングプランの選定",
        "メガメニュー付きの新しいナビゲーション",
        "お問い合わせフォームのスパム対策",
        "顧客とのキックオフ",
      ],
    }[language];
    const cards: Array<[number, Record<string, unknown>]> = [
      [todo, { title: titles[0], priority: "low", labels: ["seo"] }],
      [todo, { title: titles[1], priority: "high", dueDate: day(3) }],
      [doing, { title: titles[2], priority: "high", labels: ["frontend"], assignees: [anna.username], dueDate: day(-2) }],
      [doing, { title: titles[3], priority: "critical", labels: ["security"], dueDate: day(1) }],
      [done, { title: titles[4], priority: "low" }],
    ];
    for (const [columnId, body] of cards) {
      const c = await apiJson<{ key: string }>(ctx.request, "POST", `/api/v1/projects/${slug}/cards`, { ...body, columnId });
      await apiJson(ctx.request, "POST", `/api/v1/projects/${slug}/cards/${c.key}/comments`, { body: "…" });
    }

    for (const scheme of ["light", "dark"] as const) {
      const page = await ctx.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1440, height: 900 });
      await openBoard(page, project.slug);
      await expect(page.locator("[data-card-key]")).toHaveCount(cards.length);
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      await page.screenshot({ path: `tmp/shots/lang-board-${language}-${scheme}.png` });
      for (const [name, path] of [
        ["week", "/time"],
        ["project-settings", `/${project.slug}/settings`],
        ["profile", "/profile"],
        ["admin-settings", "/admin/settings"],
      ] as const) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `tmp/shots/lang-${name}-${language}-${scheme}.png`, fullPage: name !== "week" });
      }
      await page.close();
    }
    await ctx.close();
  });
}
