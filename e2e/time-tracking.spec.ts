// Time tracking end to end: the timer started on a card survives a reload, follows into another
// tab and books an entry that the week view and the customer's contract show; the week view books
// from the keyboard; a user without access to the customer gets its page as not found. With
// E2E_SHOTS=1 also screenshots of the time pages (en/de × light/dark) in tmp/shots/.

import { apiJson, createCard, createUsers, signedInContext, uniq } from "./support/fixtures.ts";
import { type APIRequestContext, expect, type Page, test } from "./support/test.ts";

async function customerWithProject(request: APIRequestContext, hours = 10) {
  const id = uniq();
  const customer = await apiJson<{ slug: string; name: string }>(request, "POST", "/api/v1/customers", {
    name: `ACME ${id}`,
    slug: `acme-${id}`,
  });
  const contract = await apiJson<{ id: number }>(request, "POST", `/api/v1/customers/${customer.slug}/contracts`, {
    name: "Support 2026",
    hours,
  });
  const project = await apiJson<{ slug: string; key: string; name: string }>(request, "POST", "/api/v1/projects", {
    name: `Web ${id}`,
    key: "WEB",
    slug: `web-${id}`,
    customerSlug: customer.slug,
  });
  return { customer, contract, project };
}

const timer = (page: Page) => page.getByTestId("header-timer");

test("[TIME]: a timer started on a card survives a reload, follows into another tab, and books on the contract", async ({
  browser,
}) => {
  const [user] = await createUsers(1, "en", ["timer"]);
  const ctx = await signedInContext(browser, user);
  const { customer, project } = await customerWithProject(ctx.request);
  const { key } = await createCard(ctx.request, project.slug, { title: "Fix the checkout" });

  const page = await ctx.newPage();
  await page.goto(`/${project.slug}/cards/${key}`);
  await expect(timer(page)).toHaveAttribute("data-running", "false");
  const other = await ctx.newPage();
  await other.goto("/time");
  await expect(timer(other)).toHaveAttribute("data-running", "false");

  await page.getByTestId("card-log-time").click();
  const dialog = page.getByRole("dialog", { name: "Log time" });
  await expect(dialog).toContainText(key);
  await expect(dialog.getByLabel("Contract")).toHaveValue(/\d+/);
  await dialog.getByTestId("entry-start-timer").click();
  await expect(timer(page)).toHaveAttribute("data-running", "true");
  // The other tab hears of it without a reload.
  await expect(timer(other)).toHaveAttribute("data-running", "true");
  await expect(timer(other)).toContainText(key);

  await page.reload();
  await expect(timer(page)).toHaveAttribute("data-running", "true");
  await expect(page.getByTestId("header-timer-elapsed")).toHaveText(/^0:00:\d\d$/);

  await timer(page).click();
  const stopped = page.waitForResponse((r) => r.url().endsWith("/api/v1/timer/stop"));
  await page.getByTestId("timer-stop").click();
  expect((await stopped).status()).toBe(201);
  await expect(timer(page)).toHaveAttribute("data-running", "false");
  await expect(timer(other)).toHaveAttribute("data-running", "false");

  // The week view (the other tab, refreshed by the change) shows the minute on the card's project.
  await expect(other.getByTestId("week-total")).toHaveText("0:01");
  await expect(other.getByTestId("time-entry")).toContainText(key);
  await expect(other.locator(`tr[data-row="${project.name}"]`)).toBeVisible();

  await page.goto(`/customers/${customer.slug}`);
  await expect(page.getByTestId("burn-used").first()).toHaveText("0:01 of 10:00 h used");
  await expect(page.getByTestId("customer-entries")).toContainText(key);
  await ctx.close();
});

test("[TIME]: the week view books from the keyboard and the contract's burn follows", async ({ browser }) => {
  const [user] = await createUsers(1, "en", ["week"]);
  const ctx = await signedInContext(browser, user);
  const { customer, project } = await customerWithProject(ctx.request, 4);
  const page = await ctx.newPage();
  await page.goto("/time");
  await expect(page.getByTestId("week-total")).toHaveText("0:00");
  await page.getByLabel("Add a row:").selectOption({ label: `${project.name} · ${customer.name}` });
  const row = page.locator(`tr[data-row="${project.name}"]`);
  await expect(row).toBeVisible();

  const monday = row.locator('input[data-cell$="-0"]');
  await monday.click();
  await monday.fill("1:30");
  let saved = page.waitForResponse((r) => r.url().endsWith("/api/v1/time-entries/cell"));
  await monday.press("Enter");
  expect((await saved).status()).toBe(200);
  await monday.press("ArrowRight");
  const tuesday = row.locator('input[data-cell$="-1"]');
  await expect(tuesday).toBeFocused();
  await page.keyboard.type("2h");
  saved = page.waitForResponse((r) => r.url().endsWith("/api/v1/time-entries/cell"));
  await page.keyboard.press("Tab");
  expect((await saved).status()).toBe(200);
  await expect(page.getByTestId("week-total")).toHaveText("3:30");
  await expect(monday).toHaveValue("1:30");
  await expect(tuesday).toHaveValue("2:00");

  // Too much for one day: refused with the reason, nothing changes.
  await monday.fill("25h");
  saved = page.waitForResponse((r) => r.url().endsWith("/api/v1/time-entries/cell"));
  await monday.press("Enter");
  expect((await saved).status()).toBe(400);
  await expect(page.getByText("An entry can be at most 24 hours.").first()).toBeVisible();
  await monday.press("Escape");
  await expect(monday).toHaveValue("1:30");

  await page.reload();
  await expect(page.getByTestId("week-total")).toHaveText("3:30");

  // 3:30 of 4:00: the 80 % warning, and the remaining half hour.
  await page.goto(`/customers/${customer.slug}`);
  await expect(page.getByTestId("burn-used").first()).toHaveText("3:30 of 4:00 h used");
  await expect(page.getByTestId("burn-remaining").first()).toHaveText("0:30 h left");
  await expect(page.getByTestId("burn-level").first()).toHaveText("87 % used");
  await ctx.close();
});

test("[TIME]: a user without access to the customer gets its page and its contracts as not found", async ({ browser }) => {
  const [owner, outsider] = await createUsers(2, "en", ["owner", "outsider"]);
  const ownerCtx = await signedInContext(browser, owner);
  const { customer, contract } = await customerWithProject(ownerCtx.request);
  const ctx = await signedInContext(browser, outsider);
  const page = await ctx.newPage();
  const res = await page.goto(`/customers/${customer.slug}`);
  expect(res?.status()).toBe(404);
  expect((await ctx.request.get(`/api/v1/customers/${customer.slug}/contracts`)).status()).toBe(404);
  expect((await ctx.request.get(`/api/v1/customers/${customer.slug}/contracts/${contract.id}/burndown`)).status()).toBe(404);
  await page.goto("/customers");
  await expect(page.getByText(customer.name)).toHaveCount(0);
  await page.goto(`/time/reports?customer=${customer.slug}`);
  expect((await ctx.request.get(`/api/v1/reports/time?customer=${customer.slug}`)).status()).toBe(404);
  await Promise.all([ctx.close(), ownerCtx.close()]);
});

test("[TIME]: hours booked by a colleague show up live on the customer page and its report", async ({ browser }) => {
  const [owner, lead] = await createUsers(2, "en", ["booker", "lead"]);
  const ownerCtx = await signedInContext(browser, owner);
  const { customer, project } = await customerWithProject(ownerCtx.request);
  await apiJson(ownerCtx.request, "PUT", `/api/v1/customers/${customer.slug}/access/${lead.username}`, { role: "viewer" });
  const ctx = await signedInContext(browser, lead);
  const page = await ctx.newPage();
  await page.goto(`/customers/${customer.slug}`);
  await expect(page.getByTestId("realtime-status")).toHaveAttribute("data-status", "live");
  const report = await ctx.newPage();
  await report.goto(`/time/reports?customer=${customer.slug}`);
  await expect(report.getByTestId("realtime-status")).toHaveAttribute("data-status", "live");
  await expect(report.getByTestId("report-total")).toHaveText("0:00 h");

  await apiJson(ownerCtx.request, "POST", "/api/v1/time-entries", {
    date: new Date().toISOString().slice(0, 10),
    minutes: 45,
    description: "Call with the customer's IT",
    projectSlug: project.slug,
  });
  await expect(page.getByTestId("customer-entries")).toContainText("Call with the customer's IT");
  await expect(report.getByTestId("report-total")).toHaveText("0:45 h");
  await Promise.all([ctx.close(), ownerCtx.close()]);
});

const shots = !!process.env.E2E_SHOTS;
for (const language of ["en", "de"] as const) {
  for (const scheme of ["light", "dark"] as const) {
    test(`[SHOTS]: time pages in ${language}, ${scheme}`, async ({ browser }) => {
      test.skip(!shots, "screenshots only with E2E_SHOTS=1");
      test.setTimeout(300_000);
      const [jonas, anna] = await createUsers(2, language, ["jonas", "anna"]);
      const ctx = await signedInContext(browser, jonas, { colorScheme: scheme });
      const id = uniq();
      const slug = `nordwind-${id}`;
      await apiJson(ctx.request, "POST", "/api/v1/customers", {
        name: "Nordwind Logistik",
        slug,
        contact: "Petra Sommer",
        email: "petra@nordwind.example",
        phone: "+49 40 1234567",
        address: "Hafenstraße 12\n20457 Hamburg",
        color: "#2f7d5b",
      });
      await apiJson(ctx.request, "PUT", `/api/v1/customers/${slug}/access/${anna.username}`, { role: "editor" });
      await apiJson(ctx.request, "PUT", `/api/v1/customers/${slug}/favorite`);
      await apiJson(ctx.request, "POST", "/api/v1/customers", {
        name: "Bergblick Hotels",
        slug: `bergblick-${id}`,
        color: "#8b5cf6",
      });
      const today = new Date().toISOString().slice(0, 10);
      const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
      const contract = await apiJson<{ id: number }>(ctx.request, "POST", `/api/v1/customers/${slug}/contracts`, {
        name: "Support 2026",
        hours: 150,
        startDate: day(-60),
        endDate: day(30),
      });
      await apiJson(ctx.request, "POST", `/api/v1/customers/${slug}/contracts`, {
        name: "Relaunch",
        hours: 120,
        status: "planned",
      });
      const web = await apiJson<{ slug: string }>(ctx.request, "POST", "/api/v1/projects", {
        name: "Tracking portal",
        key: "TRK",
        slug: `trk-${id}`,
        customerSlug: slug,
      });
      const ops = await apiJson<{ slug: string }>(ctx.request, "POST", "/api/v1/projects", {
        name: "Internal ops",
        key: "OPS",
        slug: `ops-${id}`,
      });
      await apiJson(ctx.request, "POST", `/api/v1/projects/${web.slug}/members`, { username: anna.username, role: "member" });
      const card = await createCard(ctx.request, web.slug, {
        title: language === "de" ? "Sendungsverfolgung per SMS" : "Shipment tracking by SMS",
      });
      const texts = ["Sprint planning", "API for carriers", "Review with Petra", "Bug fixing", "Deployment"];
      for (let i = 0; i < 40; i++) {
        await apiJson(ctx.request, "POST", "/api/v1/time-entries", {
          date: day(-i - 1),
          minutes: 60 + ((i * 37) % 150),
          projectSlug: web.slug,
          contractId: contract.id,
          ...(i % 4 === 0 ? { cardKey: card.key } : {}),
          description: texts[i % texts.length],
        });
        if (i % 5 === 0)
          await apiJson(ctx.request, "POST", "/api/v1/time-entries", {
            date: day(-i - 1),
            minutes: 45,
            projectSlug: ops.slug,
            description: "Standup",
          });
      }
      const annaCtx = await signedInContext(browser, anna);
      for (let i = 0; i < 12; i++) {
        await apiJson(annaCtx.request, "POST", "/api/v1/time-entries", {
          date: day(-i * 2 - 1),
          minutes: 90 + i * 10,
          projectSlug: web.slug,
          description: "Frontend",
        });
      }
      await annaCtx.close();
      await apiJson(ctx.request, "POST", "/api/v1/time-entries", {
        date: today,
        duration: "1:15",
        projectSlug: web.slug,
        cardKey: card.key,
        description: "SMS gateway",
      });
      await apiJson(ctx.request, "POST", "/api/v1/timer/start", { projectSlug: web.slug, cardKey: card.key, date: today });

      const page = await ctx.newPage();
      await page.setViewportSize({ width: 1360, height: 1100 });
      await page.goto("/time");
      await expect(page.getByTestId("week-grid")).toBeVisible();
      await page.screenshot({ path: `tmp/shots/time-week-${language}-${scheme}.png`, fullPage: true });
      await page.goto(`/customers/${slug}`);
      await expect(page.locator("figure svg").first()).toBeVisible();
      await page.screenshot({ path: `tmp/shots/customer-${language}-${scheme}.png`, fullPage: true });
      await page.goto("/customers");
      await page.screenshot({ path: `tmp/shots/customers-${language}-${scheme}.png`, fullPage: true });
      await page.goto(`/time/reports?from=${day(-70)}&to=${today}&groupBy=project,user`);
      await expect(page.locator("figure svg").first()).toBeVisible();
      await page.screenshot({ path: `tmp/shots/reports-${language}-${scheme}.png`, fullPage: true });
      await page.goto(`/${web.slug}/cards/${card.key}`);
      await page.getByTestId("card-log-time").click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await page.screenshot({ path: `tmp/shots/card-log-time-${language}-${scheme}.png` });
      await page.keyboard.press("Escape");
      await timer(page).click();
      await page.screenshot({ path: `tmp/shots/timer-${language}-${scheme}.png` });
      await ctx.close();
    });
  }
}
