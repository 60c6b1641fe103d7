// Time report benchmark: seeds 100,000 time entries (20 users, 10 customers with a contract each,
// 30 projects, a year of days) into a fresh database and prints p50/p99 of the report grouped by
// project and week as a viewer of all customers, of the customers' contract list with burn, and of
// one user's week view; plus the CSV export's time and size. Figures only; no thresholds.
//
//   npx tsx bench/time-report.ts                       (a fresh SQLite file)
//   BENCH_DATABASE=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/time-report.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "../lib/auth/actor.ts";
import { resetConfigForTests } from "../lib/config.ts";
import { listContracts } from "../lib/customers/contracts.ts";
import { getDb } from "../lib/db/client.ts";
import { migrate } from "../lib/db/migrate.ts";
import { addDays, dateOf, todayUtc } from "../lib/time/dates.ts";
import { timeReport, timeReportCsv } from "../lib/time/reports.ts";
import { getWeek } from "../lib/time/week.ts";
import { createEmptyDatabase } from "../test/helpers/db.ts";

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const server = process.env.BENCH_DATABASE;
const engine = !server ? "sqlite" : server.startsWith("postgres") ? "postgresql" : "mysql";
if (server && engine === "postgresql") process.env.TEST_POSTGRES_URL = server;
if (server && engine === "mysql") process.env.TEST_MYSQL_URL = server;
const { url, drop } = await createEmptyDatabase(engine);
await migrate(url);
process.env.DATABASE_URL = url;
process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), "warmdesk-bench-"));
resetConfigForTests();
const db = getDb();

const t0 = performance.now();
const users: { id: number; username: string }[] = [];
for (let i = 0; i < 20; i++) {
  users.push(
    await db.user.create({
      data: { email: `u${i}@bench.test`, username: `u${i}`, passwordHash: "x" },
      select: { id: true, username: true },
    }),
  );
}
const customers: { id: number; slug: string; contractId: number }[] = [];
for (let i = 0; i < 10; i++) {
  const c = await db.customer.create({
    data: { name: `Customer ${i}`, slug: `customer-${i}` },
    select: { id: true, slug: true },
  });
  const contract = await db.contract.create({
    data: { customerId: c.id, name: "Retainer", contractedMinutes: 600_000 },
    select: { id: true },
  });
  customers.push({ ...c, contractId: contract.id });
  await db.customerAccess.create({ data: { userId: users[0].id, customerId: c.id, role: "viewer" } });
}
const projects: { id: number; customerId: number | null }[] = [];
for (let i = 0; i < 30; i++) {
  projects.push(
    await db.project.create({
      data: { name: `Project ${i}`, slug: `p-${i}`, key: `P${i}`, customerId: customers[i % 10].id },
      select: { id: true, customerId: true },
    }),
  );
}
const today = todayUtc();
for (let start = 0; start < ENTRIES; start += 5000) {
  await db.timeEntry.createMany({
    data: Array.from({ length: Math.min(5000, ENTRIES - start) }, (_, k) => {
      const i = start + k;
      const project = projects[i % 30];
      return {
        userId: users[i % 20].id,
        projectId: project.id,
        customerId: project.customerId,
        contractId: customers.find((c) => c.id === project.customerId)?.contractId ?? null,
        date: dateOf(addDays(today, -(i % 365))),
        minutes: 15 + ((i * 7) % 240),
      };
    }),
  });
}
console.log(`${engine}: seeded ${ENTRIES} entries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const viewer: Actor = {
  userId: users[0].id,
  username: "u0",
  isAdmin: false,
  sessionId: null,
  apiKeyProjectId: null,
  language: "de",
};

async function measure(name: string, fn: () => Promise<unknown>) {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(`${name.padEnd(42)} p50 ${pick(0.5).padStart(8)} ms   p99 ${pick(0.99).padStart(8)} ms   (${RUNS} runs)`);
}

const rss = () => `${Math.round(process.memoryUsage().rss / 1_048_576)} MB`;
await measure("report: a year, by project and week", () =>
  timeReport(viewer, { from: addDays(today, -364), to: today, groupBy: "project,week" }),
);
await measure("report: one month, by user", () => timeReport(viewer, { from: addDays(today, -30), to: today, groupBy: "user" }));
await measure("contracts of a customer, with burn", () => listContracts(viewer, "customer-3"));
await measure("week view of one user", () => getWeek(viewer, { date: today }));
const s = performance.now();
const { csv } = await timeReportCsv(viewer, { from: addDays(today, -30), to: today });
console.log(
  `CSV export: a month of entries (${csv.split("\r\n").length - 2} rows, ${Math.round(csv.length / 1024)} KB) in ${(performance.now() - s).toFixed(0)} ms`,
);
console.log(`memory (rss): ${rss()}`);
await db.$disconnect();
await drop();
process.exit(0);
