// Rates and amounts on every engine: the most specific rate in effect on an entry's day prices it,
// a rate change does not reprice what was booked, amounts are exact integers (half up per entry,
// sums of those), billable follows the project's default, and who may see and set rates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as rateDelete } from "../../app/api/v1/rates/[id]/route.ts";
import { GET as ratesGet, POST as ratesPost } from "../../app/api/v1/rates/route.ts";
import { GET as reportGet } from "../../app/api/v1/reports/time/route.ts";
import { PATCH as entryPatch } from "../../app/api/v1/time-entries/[id]/route.ts";
import { PUT as cellPut } from "../../app/api/v1/time-entries/cell/route.ts";
import { POST as entriesPost } from "../../app/api/v1/time-entries/route.ts";
import { amountFor, formatMoney, parseMoney } from "../../lib/billing/money.ts";
import { addMember } from "../../lib/boards/members.ts";
import { createProject, updateProject } from "../../lib/boards/projects.ts";
import { createContract } from "../../lib/customers/contracts.ts";
import { createCustomer, grantCustomerAccess, updateCustomer } from "../../lib/customers/customers.ts";
import { getDb } from "../../lib/db/client.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe("money arithmetic", () => {
  it("rounds each amount half up in integers and parses decimals exactly", () => {
    expect(amountFor(9550, 7)).toBe(1114n); // 1114.1666…
    expect(amountFor(1, 30)).toBe(1n); // 0.5 goes up
    expect(amountFor(1, 29)).toBe(0n);
    expect(amountFor(3333, 7)).toBe(389n); // 388.85
    expect(amountFor(1_000_000_000, 1440)).toBe(24_000_000_000n); // beyond 32 bits, exact
    expect(parseMoney("95,5", "EUR")).toBe(9550n);
    expect(parseMoney("95.505", "EUR")).toBeNull();
    expect(parseMoney("1.5", "JPY")).toBeNull();
    expect(parseMoney("1200", "JPY")).toBe(1200n);
    expect(parseMoney("0.125", "BHD")).toBe(125n);
    expect(formatMoney(123456n, "EUR", "de")).toBe("1.234,56\u00a0€");
    expect(formatMoney(123456n, "EUR", "en")).toBe("€1,234.56");
    // 0.1 + 0.2 in floats is 0.30000000000000004; as minor units it is 30.
    expect(formatMoney(10n + 20n, "EUR", "en")).toBe("€0.30");
  });
});

describe.each(availableEngines())("[BILLING] rates and amounts on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let root: Person;
  let anna: Person; // editor of ACME
  let bob: Person; // editor of ACME
  let vera: Person; // viewer of ACME
  let olga: Person; // outsider
  let contractId: number;

  const book = (who: Person, body: Record<string, unknown>) => call(entriesPost, { method: "POST", key: who.key, body });
  const addRate = (who: Person, body: Record<string, unknown>) => call(ratesPost, { method: "POST", key: who.key, body });

  beforeAll(async () => {
    world = await freshWorld(engine);
    root = await person("root", { admin: true });
    anna = await person("anna");
    bob = await person("bob");
    vera = await person("vera");
    olga = await person("olga");
    await createCustomer(anna.actor, { name: "ACME", slug: "acme" });
    await createCustomer(anna.actor, { name: "Beta", slug: "beta" });
    await createCustomer(anna.actor, { name: "Dollar Inc", slug: "dollar", currency: "USD" });
    for (const slug of ["acme", "beta", "dollar"]) await grantCustomerAccess(anna.actor, slug, "bob", { role: "editor" });
    await grantCustomerAccess(anna.actor, "acme", "vera", { role: "viewer" });
    await createProject(anna.actor, { name: "ACME Web", key: "WEB", slug: "acme-web", customerSlug: "acme" });
    await createProject(anna.actor, { name: "ACME Support", key: "SUP", slug: "acme-support", customerSlug: "acme" });
    for (const slug of ["acme-web", "acme-support"]) await addMember(anna.actor, slug, { username: "bob", role: "member" });
    contractId = (await createContract(anna.actor, "acme", { name: "Retainer 2024", hours: 500, startDate: "2024-01-01" })).id;
  });
  afterAll(async () => world?.close());

  it("lets customer editors set rates, viewers read them, others nothing", async () => {
    expect((await addRate(anna, { customerSlug: "acme", rate: "100", validFrom: "2024-01-01" })).status).toBe(201);
    expect((await addRate(anna, { contractId, rate: "110.00", validFrom: "2024-01-01" })).status).toBe(201);
    expect((await addRate(anna, { projectSlug: "acme-web", rate: "120", validFrom: "2024-06-01" })).status).toBe(201);
    const annaOnWeb = await addRate(anna, { projectSlug: "acme-web", username: "anna", rate: "150,00", validFrom: "2024-06-01" });
    expect(annaOnWeb.json).toMatchObject({
      level: "project",
      username: "anna",
      rateMinor: 15000,
      rate: "150.00",
      currency: "EUR",
    });
    expect((await addRate(root, { username: "anna", rate: "80", validFrom: "2020-01-01" })).status).toBe(201);

    const before = await getDb().billingRate.count();
    expect((await addRate(vera, { customerSlug: "acme", rate: "1", validFrom: "2024-01-01" })).status).toBe(403);
    expect((await addRate(olga, { customerSlug: "acme", rate: "1", validFrom: "2024-01-01" })).status).toBe(404);
    expect((await addRate(anna, { username: "bob", rate: "1", validFrom: "2024-01-01" })).status).toBe(404); // own rates: admins
    expect((await addRate(anna, { customerSlug: "acme", rate: "99.999", validFrom: "2024-01-01" })).status).toBe(400);
    expect((await addRate(anna, { customerSlug: "acme", rate: "-5", validFrom: "2024-01-01" })).status).toBe(400);
    expect((await addRate(anna, { customerSlug: "acme", rate: "1", validFrom: "2024-02-30" })).status).toBe(400);
    expect(
      (await addRate(anna, { customerSlug: "acme", projectSlug: "acme-web", rate: "1", validFrom: "2024-01-01" })).status,
    ).toBe(400);
    expect((await addRate(anna, { customerSlug: "acme", rate: "100", validFrom: "2024-01-01" })).status).toBe(409);
    expect(await getDb().billingRate.count()).toBe(before);

    const listed = await call(ratesGet, { key: vera.key, path: "/api/v1/rates?customer=acme" });
    expect(listed.status).toBe(200);
    expect(listed.json.currency).toBe("EUR");
    expect(listed.json.rates.map((r: { level: string; rate: string }) => `${r.level}:${r.rate}`)).toEqual([
      "customer:100.00",
      "contract:110.00",
      "project:120.00",
      "project:150.00",
    ]);
    expect((await call(ratesGet, { key: olga.key, path: "/api/v1/rates?customer=acme" })).status).toBe(404);
    expect((await call(ratesGet, { key: bob.key, path: "/api/v1/rates?user=anna" })).status).toBe(404);
    expect((await call(ratesGet, { key: anna.key, path: "/api/v1/rates?user=anna" })).json.rates).toHaveLength(1);
    const victim = listed.json.rates[0].id;
    expect((await call(rateDelete, { method: "DELETE", key: vera.key, params: { id: String(victim) } })).status).toBe(403);
    expect((await call(rateDelete, { method: "DELETE", key: olga.key, params: { id: String(victim) } })).status).toBe(404);
  });

  it("prices each entry with the most specific rate in effect on its day", async () => {
    const cases: [Person, Record<string, unknown>, number | null][] = [
      [anna, { date: "2024-07-01", projectSlug: "acme-web" }, 15000], // anna on the project
      [bob, { date: "2024-07-01", projectSlug: "acme-web" }, 12000], // the project
      [bob, { date: "2024-03-01", projectSlug: "acme-web" }, 11000], // before the project's rate: the contract
      [bob, { date: "2024-07-01", projectSlug: "acme-support" }, 11000], // no project rate: the contract
      [bob, { date: "2024-07-01", customerSlug: "acme", contractId: null }, 10000], // no contract: the customer
      [anna, { date: "2024-07-01", customerSlug: "beta" }, 8000], // nothing at Beta: anna's own rate
      [bob, { date: "2024-07-01", customerSlug: "beta" }, null], // nothing at all
      [anna, { date: "2024-07-01", customerSlug: "dollar" }, null], // anna's own rate is in EUR, Dollar Inc bills USD
    ];
    for (const [who, target, rate] of cases) {
      const res = await book(who, { minutes: 7, ...target });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      expect([target, res.json.rateMinor]).toEqual([target, rate]);
      expect(res.json.amountMinor).toBe(rate === null ? 0 : Number(amountFor(rate, 7)));
      expect(res.json.billable).toBe(true);
    }
    const none = await book(anna, { date: "2024-07-01", minutes: 5 });
    expect(none.json).toMatchObject({ billable: false, rateMinor: null, currency: null, amountMinor: 0 });
    expect((await book(anna, { date: "2024-07-01", minutes: 5, billable: true })).json.billable).toBe(false);
  });

  it("keeps the rate an entry was booked at when rates change; edits of its day or target price it again", async () => {
    const old = await book(bob, { date: "2024-07-02", minutes: 60, projectSlug: "acme-web" });
    expect(old.json.rateMinor).toBe(12000);
    // From 2024-07-01 on the project costs 130: a change back-dated before the booked entry.
    const newer = await addRate(anna, { projectSlug: "acme-web", rate: "130", validFrom: "2024-07-01" });
    expect(newer.status).toBe(201);
    const row = async () =>
      getDb().timeEntry.findUniqueOrThrow({ where: { id: old.json.id }, select: { rateMinor: true, amountMinor: true } });
    expect(await row()).toEqual({ rateMinor: 12000, amountMinor: 12000n });
    const patch = (body: unknown) =>
      call(entryPatch, { method: "PATCH", key: bob.key, params: { id: String(old.json.id) }, body });
    expect((await patch({ description: "Release notes" })).json.rateMinor).toBe(12000);
    const longer = await patch({ minutes: 90 });
    expect([longer.json.rateMinor, longer.json.amountMinor]).toEqual([12000, 18000]);
    const moved = await patch({ date: "2024-07-03" });
    expect([moved.json.rateMinor, moved.json.amountMinor]).toEqual([13000, 19500]);
    const fresh = await book(bob, { date: "2024-07-02", minutes: 60, projectSlug: "acme-web" });
    expect(fresh.json.rateMinor).toBe(13000);
    // Removing the rate does not touch what was priced with it.
    expect((await call(rateDelete, { method: "DELETE", key: anna.key, params: { id: String(newer.json.id) } })).status).toBe(204);
    expect((await getDb().timeEntry.findUniqueOrThrow({ where: { id: fresh.json.id } })).rateMinor).toBe(13000);
    // A week cell's change keeps the rate too.
    const cell = await call(cellPut, {
      method: "PUT",
      key: bob.key,
      body: { date: "2024-07-02", projectSlug: "acme-web", duration: "3h" },
    });
    expect(cell.status).toBe(200);
    const rows = await getDb().timeEntry.findMany({
      where: { userId: bob.id, date: new Date("2024-07-02T00:00:00Z"), projectId: { not: null } },
      select: { minutes: true, rateMinor: true, amountMinor: true },
    });
    for (const r of rows) expect(r.amountMinor).toBe(amountFor(r.rateMinor as number, r.minutes));
  });

  it("follows the project's billable default, and splits reports into billable and not", async () => {
    await updateProject(anna.actor, "acme-support", { billableDefault: false });
    const internal = await book(bob, { date: "2024-08-01", minutes: 45, projectSlug: "acme-support" });
    expect(internal.json).toMatchObject({ billable: false, rateMinor: 11000, amountMinor: Number(amountFor(11000, 45)) });
    const billed = await book(bob, { date: "2024-08-01", minutes: 30, projectSlug: "acme-support", billable: true });
    expect(billed.json.billable).toBe(true);
    const report = await call(reportGet, {
      key: vera.key,
      path: "/api/v1/reports/time?from=2024-08-01&to=2024-08-01&customer=acme&groupBy=project",
    });
    expect(report.json.total).toEqual({
      minutes: 75,
      entries: 2,
      billableMinutes: 30,
      nonBillableMinutes: 45,
      amounts: { EUR: 5500 },
    });
    const onlyBillable = await call(reportGet, {
      key: vera.key,
      path: "/api/v1/reports/time?from=2024-08-01&to=2024-08-01&customer=acme&billable=0",
    });
    expect(onlyBillable.json.total.minutes).toBe(45);
  });

  it("sums amounts exactly on the engine: many odd entries add up to the sum of their rounded amounts", async () => {
    await addRate(anna, { customerSlug: "beta", username: "bob", rate: "33.33", validFrom: "2024-01-01" });
    let expected = 0n;
    for (let i = 0; i < 40; i++) {
      const minutes = 1 + ((i * 37) % 90);
      const res = await book(bob, { date: `2024-09-${String(1 + (i % 20)).padStart(2, "0")}`, minutes, customerSlug: "beta" });
      expect(res.status).toBe(201);
      expected += amountFor(3333, minutes);
    }
    const report = await call(reportGet, {
      key: bob.key,
      path: "/api/v1/reports/time?from=2024-09-01&to=2024-09-30&customer=beta&groupBy=user",
    });
    expect(report.json.total.amounts).toEqual({ EUR: Number(expected) });
    expect(report.json.groups[0].amounts).toEqual({ EUR: Number(expected) });
    const agg = await getDb().timeEntry.aggregate({
      where: {
        customerId: { not: null },
        date: { gte: new Date("2024-09-01T00:00:00Z"), lte: new Date("2024-09-30T00:00:00Z") },
      },
      _sum: { amountMinor: true },
    });
    expect(agg._sum.amountMinor).toBe(expected);
  });

  it("refuses a currency change once anything is priced", async () => {
    const res = await updateCustomer(anna.actor, "acme", { currency: "CHF" }).catch((e) => e);
    expect(res.code).toBe("conflict");
    expect((await getDb().customer.findUniqueOrThrow({ where: { slug: "acme" } })).currency).toBe("EUR");
    await createCustomer(anna.actor, { name: "Fresh", slug: "fresh" });
    expect((await updateCustomer(anna.actor, "fresh", { currency: "CHF" })).currency).toBe("CHF");
  });
});
