// Billing end to end: a customer editor sets an hourly rate on the customer page, books time, sees
// the amount beside the hours, and exports the period as an invoice (CSV and PDF downloads; the
// entry is then marked invoiced). A project admin adds an outbound webhook to a receiver on
// loopback (the administrator allows private targets), books a card, and sees the delivery with
// its response code in the log. Screenshots (light and dark, 1440 and 375 px) go to tmp/shots.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdmin } from "./support/admin.ts";
import { apiJson, signedInContext, uniq } from "./support/fixtures.ts";
import { expect, type Page, test } from "./support/test.ts";

const shots = process.env.E2E_SHOTS_DIR ?? "tmp/shots";

async function shoot(page: Page, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${shots}/${name}-${scheme}-${width}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("[BILLING]: set a rate, book time, see the amount, export an invoice", async ({ browser }) => {
  const admin = await createAdmin("en", "biller");
  const ctx = await signedInContext(browser, admin);
  const slug = `acme-${uniq()}`;
  await apiJson(ctx.request, "POST", "/api/v1/customers", { name: "Acme Billing", slug, currency: "EUR" });
  const page = await ctx.newPage();
  await page.goto(`/customers/${slug}`);
  const rates = page.locator("#customer-rates");
  await expect(rates.getByText("No rates yet")).toBeVisible({ timeout: 30_000 });
  await rates.getByLabel("Valid from").fill("2024-01-01");
  await rates.getByLabel("Per hour (EUR)").fill("90");
  await rates.getByRole("button", { name: "Add rate" }).click();
  await expect(rates.getByTestId("rates")).toContainText("€90.00", { timeout: 60_000 });

  // Book 1:30 on the customer today: 1.5 h × €90 = €135.00.
  const today = new Date().toISOString().slice(0, 10);
  await apiJson(ctx.request, "POST", "/api/v1/time-entries", { date: today, minutes: 90, customerSlug: slug });
  await page.reload();
  await expect(page.getByTestId("customer-entries").getByTestId("entry-amount")).toHaveText("€135.00");
  const invoices = page.locator("#customer-invoices");
  await expect(invoices.getByTestId("invoice-preview")).toContainText("€135.00");
  await shoot(page, "billing-customer");

  const csv = page.waitForEvent("download");
  await invoices.getByRole("link", { name: "Preview CSV" }).click();
  const csvText = await (await csv).path().then((p) => import("node:fs").then((fs) => fs.readFileSync(p, "utf8")));
  expect(csvText).toContain("135.00");

  await invoices.getByRole("button", { name: "Export and lock" }).click();
  await expect(invoices.getByTestId("invoices")).toContainText("€135.00");
  const pdf = page.waitForEvent("download");
  await invoices.getByTestId("invoices").getByRole("link", { name: "PDF" }).click();
  const pdfPath = await (await pdf).path();
  const head = await import("node:fs").then((fs) => fs.readFileSync(pdfPath).subarray(0, 5).toString());
  expect(head).toBe("%PDF-");

  // The entry is now invoiced (locked) in the week view.
  await page.goto("/time");
  await expect(page.getByTestId("time-entry").first()).toContainText("Invoiced");
  await expect(page.getByTestId("time-entry").first().getByTestId("entry-amount")).toHaveText("€135.00");
  await ctx.close();
});

test("[BILLING]: a project admin adds an outbound webhook and sees a delivery in the log", async ({ browser }) => {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    req.on("data", () => {});
    req.on("end", () => {
      hits.push(String(req.headers["x-warmdesk-event"]));
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  try {
    const admin = await createAdmin("en", "hooker");
    const ctx = await signedInContext(browser, admin);
    await apiJson(ctx.request, "PATCH", "/api/v1/admin/settings", { webhooks_allow_private: true });
    const slug = `out-${uniq()}`;
    await apiJson(ctx.request, "POST", "/api/v1/projects", { name: "Outbound e2e", key: "OUT", slug });
    const page = await ctx.newPage();
    await page.goto(`/${slug}/settings`);
    await expect(page.locator('[data-settings-ready="true"]')).toBeAttached({ timeout: 30_000 });
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Outbound webhooks", level: 2 }) });
    await section.getByRole("button", { name: "Add webhook" }).click();
    const dialog = page.getByRole("dialog", { name: "Add an outbound webhook" });
    await dialog.getByLabel("Payload URL").fill(url);
    await dialog.getByLabel("Name (optional)").fill("Receiver");
    await dialog.getByRole("button", { name: "Add webhook" }).click();
    const shown = page.getByRole("dialog", { name: "The webhook’s secret" });
    await expect(shown.getByTestId("outbound-secret")).toHaveValue(/^whsec_/, { timeout: 60_000 });
    await shown.getByRole("button", { name: "Done" }).click();
    await expect(section.getByTestId("outbound-webhooks")).toContainText("Receiver");

    await apiJson(ctx.request, "POST", `/api/v1/projects/${slug}/cards`, { title: "Send me" });
    await expect.poll(() => hits.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(hits[0]).toBe("card.created");
    await section.getByRole("button", { name: "Deliveries of Receiver" }).click();
    const log = page.getByRole("dialog", { name: "Deliveries of Receiver" });
    await expect(log.getByTestId("outbound-deliveries")).toContainText("card.created");
    await expect(log.getByTestId("delivery-code").first()).toHaveText("200");
    await log.getByRole("button", { name: "Re-send" }).first().click();
    await expect.poll(() => hits.length, { timeout: 20_000 }).toBe(2);
    await shoot(page, "billing-webhook-log");
    await log.getByRole("button", { name: "Done" }).click();
    await shoot(page, "billing-project-settings");

    await page.goto("/admin/webhooks");
    await expect(page.getByRole("heading", { name: "Outbound webhooks", level: 1 })).toBeVisible();
    await shoot(page, "billing-admin-webhooks");
    await ctx.close();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
