// Budget periods and alerts. The calendar rules (month ends, leap days, quarters, years) as pure
// functions; then on every engine a renewing contract's periods, carry-over and forecast through
// the REST route, and its 80 % / 100 % alerts: an in-app notification and an email over real SMTP
// on loopback to its owners and the customer's editors, each in the reader's language, once per
// threshold and period, even when several checks race.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as periodsGet } from "../../app/api/v1/customers/[slug]/contracts/[id]/periods/route.ts";
import { PATCH as contractPatch } from "../../app/api/v1/customers/[slug]/contracts/[id]/route.ts";
import { checkContractAlerts, flushContractAlerts } from "../../lib/billing/alerts.ts";
import { addMonthsClamped, forecastPeriod, periodOf, periodUses } from "../../lib/billing/periods.ts";
import { createRate } from "../../lib/billing/rates.ts";
import { createContract } from "../../lib/customers/contracts.ts";
import { createCustomer, grantCustomerAccess } from "../../lib/customers/customers.ts";
import { getDb } from "../../lib/db/client.ts";
import { runJobsOnce } from "../../lib/jobs/jobs.ts";
import { flushNotificationEmails } from "../../lib/notifications/notify.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { createEntry } from "../../lib/time/entries.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe("budget periods (calendar rules)", () => {
  it("clamps to month ends from the anchor, not from the previous period", () => {
    const from31 = [1, 2, 3, 4, 12, 13].map((m) => addMonthsClamped("2024-01-31", m));
    expect(from31).toEqual(["2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31", "2025-01-31", "2025-02-28"]);
    // A leap day renews yearly on 28 February, and on 29 February again in a leap year.
    expect([1, 2, 3, 4].map((y) => addMonthsClamped("2024-02-29", 12 * y))).toEqual([
      "2025-02-28",
      "2026-02-28",
      "2027-02-28",
      "2028-02-29",
    ]);
    expect(addMonthsClamped("2023-11-30", 3)).toBe("2024-02-29");
  });

  it("finds the period of a day around month ends, quarters and the contract's end", () => {
    const monthly = { recurrence: "monthly" as const, anchor: "2024-01-31", endDate: null };
    expect(periodOf(monthly, "2024-02-28")).toEqual({ index: 0, start: "2024-01-31", end: "2024-02-28" });
    expect(periodOf(monthly, "2024-02-29")).toEqual({ index: 1, start: "2024-02-29", end: "2024-03-30" });
    expect(periodOf(monthly, "2024-03-31")).toEqual({ index: 2, start: "2024-03-31", end: "2024-04-29" });
    expect(periodOf(monthly, "2024-01-30")).toBeNull();
    const quarterly = { recurrence: "quarterly" as const, anchor: "2024-11-30", endDate: "2025-06-15" };
    expect(periodOf(quarterly, "2025-02-28")).toEqual({ index: 1, start: "2025-02-28", end: "2025-05-29" });
    expect(periodOf(quarterly, "2025-06-01")).toEqual({ index: 2, start: "2025-05-30", end: "2025-06-15" });
    expect(periodOf(quarterly, "2025-06-16")).toBeNull();
    const yearly = { recurrence: "yearly" as const, anchor: "2024-02-29", endDate: null };
    expect(periodOf(yearly, "2025-02-27")).toEqual({ index: 0, start: "2024-02-29", end: "2025-02-27" });
    expect(periodOf(yearly, "2028-02-29")).toEqual({ index: 4, start: "2028-02-29", end: "2029-02-27" });
  });

  it("carries unused and overdrawn budget forward, and forecasts the current period", () => {
    const periods = [0, 1, 2].map((index) => ({ index, start: `2024-0${index + 1}-01`, end: `2024-0${index + 1}-28` }));
    const used = [300, 900, 100];
    const uses = periodUses(periods, (p) => used[p.index], 600, true);
    expect(uses.map((u) => [u.carriedIn, u.available, u.percentUsed])).toEqual([
      [0, 600, 50],
      [300, 900, 100],
      [0, 600, 16],
    ]);
    const over = periodUses(periods, (p) => [800, 100, 0][p.index], 600, true);
    expect(over.map((u) => u.available)).toEqual([600, 400, 900]);
    expect(periodUses(periods, (p) => used[p.index], 600, false).map((u) => u.available)).toEqual([600, 600, 600]);
    // 7 of 28 days gone with 100 used: 400 at the end.
    expect(forecastPeriod(uses[2], "2024-03-07")).toEqual({ projectedUse: 400, projectedPercent: 66, daysLeft: 21 });
  });
});

type Received = { to: string[]; raw: string };
function startInbox() {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks)
          .toString("utf8")
          .replace(/=\r?\n/g, "")
          .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.from(raw, "latin1").toString("utf8") });
        cb(null);
      });
    },
  });
  return {
    received,
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return (server.server.address() as AddressInfo).port;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(availableEngines())("[BILLING] contract periods and alerts on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let inbox: ReturnType<typeof startInbox>;
  let root: Person;
  let anna: Person; // editor, English
  let bernd: Person; // editor, German
  let olaf: Person; // owner of the contract (viewer), German
  let vera: Person; // viewer, not an owner: never alerted
  let contractId: number;
  let moneyId: number;

  const emailsTo = (p: Person) => inbox.received.filter((m) => m.to.some((t) => t.startsWith(`${p.username}-`)));

  beforeAll(async () => {
    world = await freshWorld(engine);
    inbox = startInbox();
    const port = await inbox.listen();
    root = await person("root", { admin: true });
    anna = await person("anna");
    bernd = await person("bernd");
    olaf = await person("olaf");
    vera = await person("vera");
    for (const p of [bernd, olaf]) await getDb().user.update({ where: { id: p.id }, data: { language: "de" } });
    await updateSettings(
      { ...root.actor, sessionId: 1 },
      {
        smtp_host: "127.0.0.1",
        smtp_port: port,
        smtp_from: "Desk <desk@acme.test>",
        smtp_tls: "none",
      },
    );
    await createCustomer(anna.actor, { name: "ACME", slug: "acme" });
    await grantCustomerAccess(anna.actor, "acme", "bernd", { role: "editor" });
    await grantCustomerAccess(anna.actor, "acme", "olaf", { role: "viewer" });
    await grantCustomerAccess(anna.actor, "acme", "vera", { role: "viewer" });
    const c = await createContract(anna.actor, "acme", {
      name: "Monthly support",
      hours: 10,
      startDate: "2024-01-31",
      recurrence: "monthly",
      carryOver: true,
      owners: ["olaf"],
    });
    contractId = c.id;
    expect(c).toMatchObject({ recurrence: "monthly", carryOver: true, owners: ["olaf"], alertThresholds: [80, 100] });
    await createRate(anna.actor, { customerSlug: "acme", rate: "100", validFrom: "2024-01-01" });
    moneyId = (
      await createContract(anna.actor, "acme", {
        name: "Quarterly money",
        startDate: "2024-01-01",
        recurrence: "quarterly",
        budgetKind: "money",
        budget: "1000.00",
        alertThresholds: [50],
      })
    ).id;
  });
  afterAll(async () => {
    await inbox?.close();
    await world?.close();
  });

  const book = (date: string, minutes: number, id = contractId) =>
    createEntry(anna.actor, { date, minutes, customerSlug: "acme", contractId: id });

  it("refuses an owner who cannot see the customer", async () => {
    const outsider = await person("outsider");
    const res = await call(contractPatch, {
      method: "PATCH",
      key: anna.key,
      params: { slug: "acme", id: String(contractId) },
      body: { owners: ["olaf", outsider.username] },
    });
    expect(res.status).toBe(400);
    expect((await getDb().contractOwner.findMany({ where: { contractId } })).map((o) => o.userId)).toEqual([olaf.id]);
  });

  it("shows each period's use with carry-over, across a leap day", async () => {
    await book("2024-01-31", 240); // period 0: 2024-01-31 … 2024-02-28
    await book("2024-02-28", 120);
    await book("2024-02-29", 600); // period 1: 2024-02-29 … 2024-03-30
    await book("2024-03-30", 300);
    await book("2024-03-31", 60); // period 2: 2024-03-31 … 2024-04-29
    await flushContractAlerts();
    const res = await call(periodsGet, { key: vera.key, params: { slug: "acme", id: String(contractId) } });
    expect(res.status).toBe(200);
    const early = res.json.periods.slice(-3).reverse();
    expect(early.map((p: Record<string, unknown>) => [p.start, p.end, p.used, p.carriedIn, p.available])).toEqual([
      ["2024-01-31", "2024-02-28", 360, 0, 600],
      ["2024-02-29", "2024-03-30", 900, 240, 840],
      ["2024-03-31", "2024-04-29", 60, -60, 540],
    ]);
    expect(res.json.current).not.toBeNull();
    expect(res.json.contract.currentPeriod.start).toBe(res.json.current.start);
  });

  it("alerts the owners and editors once at 80 % and once at 100 %, in their language", async () => {
    const before = inbox.received.length;
    // Period 2 holds 540 minutes; 60 booked. 380 more: 440 (81 %).
    await book("2024-04-01", 380);
    await flushContractAlerts();
    const today = "2024-04-10";
    // Several instances checking at once: each alert is claimed once.
    const runs = await Promise.all([
      checkContractAlerts({ today }),
      checkContractAlerts({ today }),
      checkContractAlerts({ today }),
    ]);
    expect(runs.flat()).toEqual([{ contractId, periodStart: "2024-03-31", threshold: 80, recipients: 3 }]);
    await flushNotificationEmails();
    expect(inbox.received.length - before).toBe(3);
    expect(emailsTo(anna)[0].raw).toContain("Monthly support (ACME) has used 80 % of its budget");
    expect(emailsTo(bernd)[0].raw).toContain("Monthly support (ACME) hat 80 % des Budgets verbraucht");
    expect(emailsTo(olaf)[0].raw).toContain("7:20 von 9:00 verbraucht (81 %)");
    expect(emailsTo(vera)).toEqual([]);
    expect(await getDb().notification.count({ where: { type: "budget", userId: olaf.id } })).toBe(1);
    expect(await checkContractAlerts({ today })).toEqual([]);

    await book("2024-04-02", 100); // 540 of 540
    await flushContractAlerts();
    const exceeded = await checkContractAlerts({ today });
    expect(exceeded).toEqual([{ contractId, periodStart: "2024-03-31", threshold: 100, recipients: 3 }]);
    await flushNotificationEmails();
    const [first, second] = emailsTo(bernd);
    expect(emailsTo(bernd)).toHaveLength(2);
    expect(first.raw).toContain("Monthly support (ACME) hat 80 % des Budgets verbraucht");
    expect(second.raw).toContain("Monthly support (ACME) ist über dem Budget");
    expect(await checkContractAlerts({ today })).toEqual([]);
    // The next period starts fresh: the same thresholds alert again there.
    await book("2024-04-30", 500);
    await flushContractAlerts();
    const next = await checkContractAlerts({ today: "2024-05-01" });
    expect(next.map((a) => [a.periodStart, a.threshold])).toEqual([["2024-04-30", 80]]);
    expect(await getDb().contractAlert.count({ where: { contractId } })).toBe(3);
  });

  it("counts a money budget in billable amounts, and runs as a job", async () => {
    // 1000.00 per quarter at 100.00 an hour: 5 hours is 50 %.
    await book("2024-02-01", 299, moneyId);
    await book("2024-02-02", 1, moneyId);
    await flushContractAlerts();
    const res = await call(periodsGet, { key: vera.key, params: { slug: "acme", id: String(moneyId) } });
    expect(res.json.kind).toBe("money");
    expect(res.json.periods.at(-1)).toMatchObject({ start: "2024-01-01", end: "2024-03-31", used: 50000, available: 100000 });
    expect(await checkContractAlerts({ today: "2024-02-03", contractIds: [moneyId] })).toEqual([
      // No owners: the customer's two editors.
      { contractId: moneyId, periodStart: "2024-01-01", threshold: 50, recipients: 2 },
    ]);
    // The periodic job (today: the real date) finds nothing left to send for these periods.
    const job = await runJobsOnce(["contract-alerts"]);
    expect(job["contract-alerts"]).toEqual({ alerts: 0 });
  });
});
