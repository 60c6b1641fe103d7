// Bad input to the customer, contract, time-entry, timer and report routes answers 4xx in the error
// format, never 500, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as accessPut } from "../../app/api/v1/customers/[slug]/access/[username]/route.ts";
import { GET as contractGet, PATCH as contractPatch } from "../../app/api/v1/customers/[slug]/contracts/[id]/route.ts";
import { POST as contractsPost } from "../../app/api/v1/customers/[slug]/contracts/route.ts";
import { PATCH as customerPatch } from "../../app/api/v1/customers/[slug]/route.ts";
import { POST as customersPost } from "../../app/api/v1/customers/route.ts";
import { GET as reportGet } from "../../app/api/v1/reports/time/route.ts";
import { GET as entryGet, PATCH as entryPatch } from "../../app/api/v1/time-entries/[id]/route.ts";
import { PUT as cellPut } from "../../app/api/v1/time-entries/cell/route.ts";
import { GET as entriesGet, POST as entriesPost } from "../../app/api/v1/time-entries/route.ts";
import { GET as weekGet } from "../../app/api/v1/time-entries/week/route.ts";
import { PATCH as timerPatch } from "../../app/api/v1/timer/route.ts";
import { POST as timerStart } from "../../app/api/v1/timer/start/route.ts";
import { POST as timerStop } from "../../app/api/v1/timer/stop/route.ts";
import { createContract } from "../../lib/customers/contracts.ts";
import { createCustomer } from "../../lib/customers/customers.ts";
import { getDb } from "../../lib/db/client.ts";
import { todayUtc } from "../../lib/time/dates.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

// biome-ignore lint/suspicious/noExplicitAny: route handlers of different parameter shapes
type AnyHandler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

async function counts() {
  const db = getDb();
  const [customers, contracts, entries, timers, access] = await Promise.all([
    db.customer.count(),
    db.contract.count(),
    db.timeEntry.count(),
    db.runningTimer.count(),
    db.customerAccess.count(),
  ]);
  const sums = await db.timeEntry.aggregate({ _sum: { minutes: true } });
  const budgets = await db.contract.aggregate({ _sum: { contractedMinutes: true } });
  return { customers, contracts, entries, timers, access, minutes: sums._sum.minutes, budgets: budgets._sum.contractedMinutes };
}

describe.each(availableEngines())("[TIME] bad input on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  let contractId: number;
  let entryId: number;

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("badtime");
    await createCustomer(owner.actor, { name: "Bad Corp", slug: "bad" });
    contractId = (await createContract(owner.actor, "bad", { name: "C", hours: 5 })).id;
    const entry = await call(entriesPost, { key: owner.key, body: { date: todayUtc(), minutes: 30, customerSlug: "bad" } });
    entryId = entry.json.id;
  });
  afterAll(async () => world?.close());

  const cases: {
    name: string;
    handler: AnyHandler;
    method: string;
    params?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
    contentType?: string;
    path?: string;
    status: number;
  }[] = [
    { name: "customer: malformed JSON", handler: customersPost, method: "POST", rawBody: '{"name":', status: 400 },
    { name: "customer: array", handler: customersPost, method: "POST", body: [{ name: "x" }], status: 400 },
    { name: "customer: unknown field", handler: customersPost, method: "POST", body: { name: "x", admin: true }, status: 400 },
    { name: "customer: huge name", handler: customersPost, method: "POST", body: { name: "x".repeat(500) }, status: 400 },
    { name: "customer: bad slug", handler: customersPost, method: "POST", body: { name: "x", slug: "Not OK!" }, status: 400 },
    {
      name: "customer: text/plain",
      handler: customersPost,
      method: "POST",
      rawBody: "name=x",
      contentType: "text/plain",
      status: 415,
    },
    { name: "customer patch: empty", handler: customerPatch, method: "PATCH", params: { slug: "bad" }, body: {}, status: 400 },
    {
      name: "customer patch: unknown",
      handler: customerPatch,
      method: "PATCH",
      params: { slug: "nope" },
      body: { name: "y" },
      status: 404,
    },
    {
      name: "contract: hours and minutes",
      handler: contractsPost,
      method: "POST",
      params: { slug: "bad" },
      body: { name: "x", hours: 1, contractedMinutes: 60 },
      status: 400,
    },
    {
      name: "contract: negative hours",
      handler: contractsPost,
      method: "POST",
      params: { slug: "bad" },
      body: { name: "x", hours: -1 },
      status: 400,
    },
    {
      name: "contract: hours as text",
      handler: contractsPost,
      method: "POST",
      params: { slug: "bad" },
      body: { name: "x", hours: "40" },
      status: 400,
    },
    {
      name: "contract: bad date",
      handler: contractsPost,
      method: "POST",
      params: { slug: "bad" },
      body: { name: "x", hours: 1, startDate: "2025-02-30" },
      status: 400,
    },
    {
      name: "contract: bad status",
      handler: contractsPost,
      method: "POST",
      params: { slug: "bad" },
      body: { name: "x", hours: 1, status: "open" },
      status: 400,
    },
    { name: "contract: id text", handler: contractGet, method: "GET", params: { slug: "bad", id: "abc" }, status: 404 },
    {
      name: "contract: id huge",
      handler: contractPatch,
      method: "PATCH",
      params: { slug: "bad", id: "99999999999999" },
      body: { name: "y" },
      status: 404,
    },
    { name: "entry: bad date", handler: entriesPost, method: "POST", body: { date: "yesterday", minutes: 5 }, status: 400 },
    {
      name: "entry: fractional minutes",
      handler: entriesPost,
      method: "POST",
      body: { date: todayUtc(), minutes: 1.5 },
      status: 400,
    },
    {
      name: "entry: minutes as text",
      handler: entriesPost,
      method: "POST",
      body: { date: todayUtc(), minutes: "90" },
      status: 400,
    },
    {
      name: "entry: huge contract id",
      handler: entriesPost,
      method: "POST",
      body: { date: todayUtc(), minutes: 5, contractId: 2 ** 40 },
      status: 400,
    },
    {
      name: "entry: unknown project",
      handler: entriesPost,
      method: "POST",
      body: { date: todayUtc(), minutes: 5, projectSlug: "nope" },
      status: 404,
    },
    {
      name: "entry: unknown user",
      handler: entriesPost,
      method: "POST",
      body: { date: todayUtc(), minutes: 5, username: "nobody" },
      status: 403,
    },
    { name: "entry: id text", handler: entryGet, method: "GET", params: { id: "1e3" }, status: 404 },
    { name: "entry patch: empty", handler: entryPatch, method: "PATCH", params: { id: "ENTRY" }, body: {}, status: 400 },
    {
      name: "entry patch: over a day",
      handler: entryPatch,
      method: "PATCH",
      params: { id: "ENTRY" },
      body: { duration: "24:01" },
      status: 400,
    },
    { name: "entries: bad limit", handler: entriesGet, method: "GET", path: "/api/v1/time-entries?limit=lots", status: 400 },
    {
      name: "entries: unknown filter",
      handler: entriesGet,
      method: "GET",
      path: "/api/v1/time-entries?planet=mars",
      status: 400,
    },
    { name: "week: unknown user", handler: weekGet, method: "GET", path: "/api/v1/time-entries/week?user=nobody", status: 404 },
    {
      name: "cell: both targets",
      handler: cellPut,
      method: "PUT",
      body: { date: todayUtc(), customerSlug: "bad", projectSlug: "x", minutes: 5 },
      status: 400,
    },
    {
      name: "cell: negative",
      handler: cellPut,
      method: "PUT",
      body: { date: todayUtc(), customerSlug: "bad", minutes: -5 },
      status: 400,
    },
    { name: "timer: bad date", handler: timerStart, method: "POST", body: { date: "13/01/2025" }, status: 400 },
    { name: "timer: not running", handler: timerStop, method: "POST", body: {}, status: 404 },
    { name: "timer patch: not running", handler: timerPatch, method: "PATCH", body: { description: "x" }, status: 404 },
    { name: "report: bad grouping", handler: reportGet, method: "GET", path: "/api/v1/reports/time?groupBy=planet", status: 400 },
    {
      name: "report: four groupings",
      handler: reportGet,
      method: "GET",
      path: "/api/v1/reports/time?groupBy=user,week,day,month",
      status: 400,
    },
    {
      name: "report: reversed range",
      handler: reportGet,
      method: "GET",
      path: "/api/v1/reports/time?from=2025-02-01&to=2025-01-01",
      status: 400,
    },
    {
      name: "report: unknown customer",
      handler: reportGet,
      method: "GET",
      path: "/api/v1/reports/time?customer=nope",
      status: 404,
    },
    {
      name: "access: bad role",
      handler: accessPut,
      method: "PUT",
      params: { slug: "bad", username: "badtime" },
      body: { role: "owner" },
      status: 400,
    },
    {
      name: "access: malformed name",
      handler: accessPut,
      method: "PUT",
      params: { slug: "bad", username: "%E0%A4%A" },
      body: { role: "viewer" },
      status: 404,
    },
  ];

  it.each(cases)("$name answers $status and changes nothing", async (c) => {
    const before = await counts();
    const params = Object.fromEntries(Object.entries(c.params ?? {}).map(([k, v]) => [k, v === "ENTRY" ? String(entryId) : v]));
    const res = await call(c.handler, {
      method: c.method,
      key: owner.key,
      params,
      body: c.body,
      rawBody: c.rawBody,
      contentType: c.contentType,
      path: c.path,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(c.status);
    expect(res.json.error.code).toBeTypeOf("string");
    expect(res.json.error.message).toBeTypeOf("string");
    expect(await counts()).toEqual(before);
    expect(contractId).toBeGreaterThan(0);
  });
});
