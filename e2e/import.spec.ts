// The Import page: a project admin drops a Trello export, checks it (the dry-run report), imports
// it with the progress bar, and opens the imported board. Screenshots of every state (empty, dry
// run, progress, result, error) at 1440 and 375 px, light and dark, English and German go to
// tmp/shots/import-*.png.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { apiJson, createUsers, openBoard, signedInContext, uniq } from "./support/fixtures.ts";

const shots = process.env.E2E_SHOTS_DIR ?? "tmp/shots";
const TRELLO = readFileSync(join(import.meta.dirname, "..", "test", "import", "fixtures", "trello-board.json"));

/** Drops a file on the drop zone as a browser's drag and drop would. */
async function dropFile(page: Page, name: string, content: Buffer, mimeType: string) {
  const transfer = await page.evaluateHandle(
    ({ name, data, mimeType }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type: mimeType }));
      return dt;
    },
    { name, data: content.toString("base64"), mimeType },
  );
  await page.getByTestId("import-drop").dispatchEvent("drop", { dataTransfer: transfer });
}

test("[IMPORT]: a project admin drops a Trello export, checks it, imports it and opens the board", async ({ browser }) => {
  const [admin] = await createUsers(1, "en", ["importer"]);
  const ctx = await signedInContext(browser, admin);
  const slug = `imp-${uniq()}`;
  await apiJson(ctx.request, "POST", "/api/v1/projects", { name: "Relaunch", key: "WEB", slug });
  const page = await ctx.newPage();
  await page.goto(`/${slug}/import`);
  await expect(page.getByRole("heading", { name: "Import and export", level: 1 })).toBeVisible();

  await dropFile(page, "board.json", TRELLO, "application/json");
  await expect(page.getByTestId("import-file")).toContainText("board.json");
  await page.getByTestId("import-check").click();
  const report = page.getByTestId("import-report");
  await expect(report.locator('tr[data-kind="cards"]')).toContainText("4");
  await expect(report).toContainText("Old ideas");
  await expect(report).toContainText("uploaded files");
  // The dry run wrote nothing.
  expect(
    (await apiJson<{ columns: { cards: unknown[] }[] }>(ctx.request, "GET", `/api/v1/projects/${slug}/board`)).columns.flatMap(
      (c) => c.cards,
    ),
  ).toHaveLength(0);

  await page.getByTestId("import-start").click();
  await expect(page.getByTestId("import-done")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("import-cards")).toContainText("WEB-1");
  await page.getByTestId("import-open-board").click();
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await openBoard(page, slug);
  await expect(page.locator("[data-card-key]")).toHaveCount(4);
  await expect(page.locator('[data-card-key="WEB-1"]')).toContainText("Write the new landing page copy");
  await ctx.close();
});

for (const language of ["en", "de"] as const) {
  test(`[IMPORT]: screenshots of the import page's states (${language})`, async ({ browser }) => {
    test.setTimeout(240_000);
    const [admin] = await createUsers(1, language, [`shots${language}`]);
    for (const scheme of ["light", "dark"] as const) {
      const ctx = await signedInContext(browser, admin, { colorScheme: scheme });
      for (const width of [1440, 375]) {
        const slug = `imps-${uniq()}`;
        await apiJson(ctx.request, "POST", "/api/v1/projects", { name: "Relaunch", key: "WEB", slug });
        const page = await ctx.newPage();
        await page.setViewportSize({ width, height: 900 });
        const shot = (state: string) =>
          page.screenshot({ path: `${shots}/import-${state}-${language}-${scheme}-${width}.png`, fullPage: true });
        await page.goto(`/${slug}/import`);
        await expect(page.getByTestId("import-drop")).toBeVisible();
        await shot("empty");
        await dropFile(page, "board.json", TRELLO, "application/json");
        await page.getByTestId("import-check").click();
        await expect(page.getByTestId("import-report")).toBeVisible();
        await shot("dryrun");
        // The progress state: held while the import's answer is delayed.
        let release: () => void = () => {};
        const held = new Promise<void>((r) => {
          release = r;
        });
        await page.route("**/api/v1/imports", async (route) => {
          if ((route.request().headers().accept ?? "").includes("ndjson")) await held;
          await route.continue();
        });
        await page.getByTestId("import-start").click();
        await expect(page.getByTestId("import-progress")).toBeVisible();
        await shot("progress");
        release();
        await expect(page.getByTestId("import-done")).toBeVisible({ timeout: 30_000 });
        await shot("result");
        await page.unroute("**/api/v1/imports");
        await page.getByRole("button", { name: language === "de" ? "Neu beginnen" : "Start over" }).click();
        await dropFile(page, "broken.json", Buffer.from('{\n  "id": "x",\n  "lists": [\n'), "application/json");
        await page.getByTestId("import-check").click();
        await expect(page.getByTestId("import-error")).toContainText("truncated");
        await shot("error");
        await page.close();
      }
      await ctx.close();
    }
  });
}
