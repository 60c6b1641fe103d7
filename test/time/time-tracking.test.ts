// Customers, contracts and time entries through the REST routes, on every engine: access (a user
// without access to a customer sees nothing of it and cannot book on it), each booking rule with
// its message, the timer, the week cells, and sums that stay exact through edits and deletes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as customerAccessPut } from "../../app/api/v1/customers/[slug]/access/[username]/route.ts";
import { GET as customerAccessGet } from "../../app/api/v1/customers/[slug]/access/route.ts";
import { POST as customerArchive } from "../../app/api/v1/customers/[slug]/archive/route.ts";
import { GET as burndownGet } from "../../app/api/v1/customers/[slug]/contracts/[id]/burndown/route.ts";
import {
  DELETE as contractDelete,
  GET as contractGet,
  PATCH as contractPatch,
} from "../../app/api/v1/customers/[slug]/contracts/[id]/route.ts";
import { GET as contractsGet, POST as contractsPost } from "../../app/api/v1/customers/[slug]/contracts/route.ts";
import { PUT as favoritePut } from "../../app/api/v1/customers/[slug]/favorite/route.ts";
import { POST as customerRestore } from "../../app/api/v1/customers/[slug]/restore/route.ts";
import { GET as customerGet, PATCH as customerPatch } from "../../app/api/v1/customers/[slug]/route.ts";
import { GET as customersGet, POST as customersPost } from "../../app/api/v1/customers/route.ts";
import { PATCH as projectPatch } from "../../app/api/v1/projects/[slug]/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { GET as reportGet } from "../../app/api/v1/reports/time/route.ts";
import { DELETE as entryDelete, GET as entryGet, PATCH as entryPatch } from "../../app/api/v1/time-entries/[id]/route.ts";
import { PUT as cellPut } from "../../app/api/v1/time-entries/cell/route.ts";
import { GET as entriesGet, POST as entriesPost } from "../../app/api/v1/time-entries/route.ts";
import { GET as targetsGet } from "../../app/api/v1/time-entries/targets/route.ts";
import { GET as weekGet } from "../../app/api/v1/time-entries/week/route.ts";
import { DELETE as timerDelete, GET as timerGet, PATCH as timerPatch } from "../../app/api/v1/timer/route.ts";
import { POST as timerStart } from "../../app/api/v1/timer/start/route.ts";
import { POST as timerStop } from "../../app/api/v1/timer/stop/route.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { addMember } from "../../lib/boards/members.ts";
import { getDb } from "../../lib/db/client.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { addDays, todayUtc } from "../../lib/time/dates.ts";
import { addGroupMember, createGroup, setGroupCustomerAccess } from "../../lib/users/groups.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

// biome-ignore lint/suspicious/noExplicitAny: route handlers of different parameter shapes
type AnyHandler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

const today = todayUtc();
const yesterday = addDays(today, -1);

describe.each(availableEngines())("[TIME] customers, contracts and time on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let root: Person;
  let anna: Person; // editor of ACME (created it)
  let ben: Person; // viewer of ACME through a group
  let eve: Person; // member of ACME's project, no access to ACME
  let contractId: number;
  let cardKey: string;

  const post = (handler: AnyHandler, key: string, body: unknown, params = {}) =>
    call(handler, { method: "POST", key, body, params });
  const book = (who: Person, body: Record<string, unknown>) => post(entriesPost, who.key, { date: today, ...body });
  /** Used minutes of a contract three ways: the API, the rows themselves, the report. */
  async function sums(id: number) {
    const api = (await call(contractGet, { key: anna.key, params: { slug: "acme", id: String(id) } })).json.usedMinutes;
    const rows = await getDb().timeEntry.findMany({ where: { contractId: id }, select: { minutes: true } });
    const report = (
      await call(reportGet, {
        key: root.key,
        path: `/api/v1/reports/time?from=2000-01-01&to=2100-01-01&contract=${id}&groupBy=contract`,
      })
    ).json.total.minutes;
    return { api, rows: rows.reduce((s, r) => s + r.minutes, 0), report };
  }

  beforeAll(async () => {
    world = await freshWorld(engine);
    root = await person("root", { admin: true });
    anna = await person("anna");
    ben = await person("ben");
    eve = await person("eve");
    const group = await createGroup(root.actor, { name: "Controllers" });
    await addGroupMember(root.actor, group.id, { username: "ben" });
  });
  afterAll(async () => world?.close());

  it("creates a customer: the creator edits it, slugs are unique, favourites come first", async () => {
    const created = await post(customersPost, anna.key, { name: "ACME Corp", slug: "acme", email: "billing@acme.test" });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ slug: "acme", role: "editor", email: "billing@acme.test", isArchived: false });
    expect((await post(customersPost, anna.key, { name: "Again", slug: "acme" })).status).toBe(409);
    const bad = await post(customersPost, anna.key, { name: "x", email: "not-mail", color: "red" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(["color", "email"]);
    expect((await post(customersPost, anna.key, { name: "Zeta Ltd" })).json.slug).toBe("zeta-ltd");
    expect((await call(favoritePut, { method: "PUT", key: anna.key, params: { slug: "zeta-ltd" } })).status).toBe(200);
    const list = await call(customersGet, { key: anna.key });
    expect(list.json.map((c: { slug: string }) => c.slug)).toEqual(["zeta-ltd", "acme"]);
    expect(list.json[0].isFavorite).toBe(true);
    const targets = await call(targetsGet, { key: anna.key });
    expect(targets.json.customers.map((c: { slug: string }) => c.slug)).toEqual(["zeta-ltd", "acme"]);
    const edited = await call(customerPatch, {
      method: "PATCH",
      key: anna.key,
      params: { slug: "acme" },
      body: { phone: "+49 30 1" },
    });
    expect(edited.json).toMatchObject({ phone: "+49 30 1", name: "ACME Corp" });
  });

  it("shares a customer: a group viewer reads, cannot edit; others get 404", async () => {
    await setGroupCustomerAccess(root.actor, (await getDb().userGroup.findFirstOrThrow()).id, "acme", { role: "viewer" });
    expect((await call(customerGet, { key: ben.key, params: { slug: "acme" } })).json.role).toBe("viewer");
    const viewerEdit = await call(customerPatch, {
      method: "PATCH",
      key: ben.key,
      params: { slug: "acme" },
      body: { name: "X" },
    });
    expect(viewerEdit.status).toBe(403);
    expect((await call(customerGet, { key: eve.key, params: { slug: "acme" } })).status).toBe(404);
    expect((await call(customerGet, { key: eve.key, params: { slug: "nope" } })).status).toBe(404);
    expect((await call(customersGet, { key: eve.key })).json).toEqual([]);
    const team = await call(customerAccessGet, { key: ben.key, params: { slug: "acme" } });
    expect(team.json.people.map((p: { username: string; role: string }) => [p.username, p.role])).toEqual([
      ["anna", "editor"],
      ["ben", "viewer"],
    ]);
    expect((await call(customerAccessGet, { key: eve.key, params: { slug: "acme" } })).status).toBe(404);
  });

  it("creates contracts with hours as whole minutes; rejects an end before the start", async () => {
    const res = await post(
      contractsPost,
      anna.key,
      { name: "Support 2025", hours: 40.5, startDate: addDays(today, -60) },
      { slug: "acme" },
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ contractedMinutes: 2430, hours: 40.5, usedMinutes: 0, remainingMinutes: 2430, level: "ok" });
    contractId = res.json.id;
    const patch = (body: unknown) =>
      call(contractPatch, { method: "PATCH", key: anna.key, params: { slug: "acme", id: String(contractId) }, body });
    expect((await patch({ hours: 50 })).json).toMatchObject({ contractedMinutes: 3000, hours: 50 });
    const reversed = await patch({ endDate: addDays(today, -61) });
    expect(reversed.status).toBe(400);
    expect(reversed.json.error.message).toBe("The end date is before the start date.");
    const backwards = await post(
      contractsPost,
      anna.key,
      { name: "Bad", hours: 1, startDate: today, endDate: yesterday },
      { slug: "acme" },
    );
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.details.fields[0]).toEqual({
      path: "endDate",
      message: "The end date is before the start date.",
    });
    expect((await post(contractsPost, ben.key, { name: "Viewer", hours: 1 }, { slug: "acme" })).status).toBe(403);
    expect((await post(contractsPost, eve.key, { name: "Outsider", hours: 1 }, { slug: "acme" })).status).toBe(404);
    expect((await call(contractsGet, { key: eve.key, params: { slug: "acme" } })).status).toBe(404);
    expect((await call(contractsGet, { key: ben.key, params: { slug: "acme" } })).json).toHaveLength(1);
  });

  it("links a project to the customer; a card on it books on the customer's active contract", async () => {
    const project = await post(projectsPost, anna.key, { name: "ACME Web", key: "AW", slug: "acme-web", customerSlug: "acme" });
    expect(project.status).toBe(201);
    await addMember(anna.actor, "acme-web", { username: "eve", role: "member" });
    cardKey = (await createCard(anna.actor, "acme-web", { title: "Landing page" })).key;
    const entry = await book(anna, { duration: "1:30", projectSlug: "acme-web", cardKey, description: "Hero section" });
    expect(entry.status).toBe(201);
    expect(entry.json).toMatchObject({
      minutes: 90,
      customer: { slug: "acme" },
      project: { slug: "acme-web" },
      card: { key: cardKey },
      contract: { id: contractId },
      user: { username: "anna" },
      locked: false,
    });
    await world.flush();
    // To Anna's own room (her timer and week) and to the customer's (its page and reports).
    const customerId = entry.json.customer.id;
    expect(world.events.slice(-2).map((e) => [e.room, e.type, (e.data as { id: number }).id])).toEqual([
      [`user:${anna.id}`, "time_entry.created", entry.json.id],
      [`customer:${customerId}`, "time_entry.created", entry.json.id],
    ]);
    expect((await sums(contractId)).api).toBe(90);
  });

  it("refuses each invalid booking with a clear message and changes nothing", async () => {
    const before = await getDb().timeEntry.count();
    const otherCustomer = await post(customersPost, anna.key, { name: "Globex", slug: "globex" });
    expect(otherCustomer.status).toBe(201);
    const globexContract = (await post(contractsPost, anna.key, { name: "Globex retainer", hours: 10 }, { slug: "globex" })).json
      .id;
    const closed = (await post(contractsPost, anna.key, { name: "Old deal", hours: 10, status: "closed" }, { slug: "acme" })).json
      .id;
    const future = (
      await post(contractsPost, anna.key, { name: "Next year", hours: 10, startDate: addDays(today, 30) }, { slug: "acme" })
    ).json.id;
    await post(projectsPost, anna.key, { name: "Internal", key: "INT", slug: "internal" });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ minutes: 0 }, "minutes", "An entry needs at least 1 minute."],
      [{ minutes: -5 }, "minutes", "An entry needs at least 1 minute."],
      [{ minutes: 1441 }, "minutes", "An entry can be at most 24 hours."],
      [{ duration: "25h" }, "duration", "An entry can be at most 24 hours."],
      [{ duration: "soon" }, "duration", "“soon” is not a duration: write it like 1:30, 1.5h or 90m."],
      [{}, "minutes", "Give the time as minutes or as a duration like 1:30, 1.5h or 90m."],
      [{ minutes: 5, duration: "5m" }, "minutes", "Give the time as minutes or as a duration like 1:30, 1.5h or 90m."],
      [
        { minutes: 30, customerSlug: "acme", contractId: globexContract },
        "contractId",
        "The contract “Globex retainer” belongs to another customer.",
      ],
      [
        { minutes: 30, projectSlug: "acme-web", customerSlug: "globex" },
        "customerSlug",
        "The project acme-web belongs to another customer.",
      ],
      [
        { minutes: 30, projectSlug: "internal", customerSlug: "acme" },
        "customerSlug",
        "The project internal has no customer: leave the customer out, or give the project this customer first.",
      ],
      [
        { minutes: 30, customerSlug: "acme", contractId: closed },
        "contractId",
        "The contract “Old deal” is closed: book on an active contract.",
      ],
      [
        { minutes: 30, customerSlug: "acme", contractId: future },
        "contractId",
        `The contract “Next year” starts on ${addDays(today, 30)}.`,
      ],
      [{ minutes: 30, cardKey }, "cardKey", "A card key needs projectSlug: card keys are per project."],
      [{ minutes: 30, contractId: 2_000_000 }, "contractId", "No such contract."],
    ];
    for (const [body, path, message] of cases) {
      const res = await book(anna, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.message, JSON.stringify(body)).toBe(message);
      expect(res.json.error.details.fields[0].path).toBe(path);
    }
    // 23 h booked, one more hour than the day holds.
    expect((await book(anna, { date: yesterday, minutes: 23 * 60, projectSlug: "internal" })).status).toBe(201);
    const full = await book(anna, { date: yesterday, minutes: 61, projectSlug: "internal" });
    expect(full.status).toBe(400);
    expect(full.json.error.message).toBe(`That makes 24:01 on ${yesterday}; a day holds at most 24:00.`);
    expect((await book(anna, { date: yesterday, minutes: 60, projectSlug: "internal" })).status).toBe(201);
    expect(await getDb().timeEntry.count()).toBe(before + 2);
  });

  it("refuses entries in the locked period to everyone but administrators", async () => {
    await updateSettings(root.actor, { time_lock_days: 7 });
    const old = addDays(today, -10);
    const locked = await book(anna, { date: old, minutes: 30, projectSlug: "internal" });
    expect(locked.status).toBe(403);
    expect(locked.json.error.message).toBe(
      `Entries before ${addDays(today, -7)} are locked; only administrators can change them (this one is dated ${old}).`,
    );
    const byAdmin = await book(root, { date: old, minutes: 30, projectSlug: "internal", username: "anna" });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.json).toMatchObject({ locked: true, user: { username: "anna" } });
    const edit = await call(entryPatch, {
      method: "PATCH",
      key: anna.key,
      params: { id: String(byAdmin.json.id) },
      body: { minutes: 5 },
    });
    expect(edit.status).toBe(403);
    const moveIn = await call(entryPatch, {
      method: "PATCH",
      key: anna.key,
      params: { id: String((await book(anna, { minutes: 10, projectSlug: "internal" })).json.id) },
      body: { date: old },
    });
    expect(moveIn.status).toBe(403);
    expect((await call(entryDelete, { method: "DELETE", key: root.key, params: { id: String(byAdmin.json.id) } })).status).toBe(
      204,
    );
    expect((await book(anna, { minutes: 30, projectSlug: "internal", username: "ben" })).status).toBe(403);
    await updateSettings(root.actor, { time_lock_days: 0 });
  });

  it("keeps a user without access to the customer out: no contracts, entries, reports or bookings", async () => {
    const annasEntry = (await book(anna, { minutes: 45, customerSlug: "acme" })).json.id;
    // Eve is a member of the customer's project, but has no role for the customer.
    const onProject = await book(eve, { minutes: 30, projectSlug: "acme-web" });
    expect(onProject.status).toBe(403);
    expect(onProject.json.error.message).toContain("needs the editor role for its customer ACME Corp");
    expect((await book(eve, { minutes: 30, customerSlug: "acme" })).status).toBe(404);
    expect((await book(eve, { minutes: 30, projectSlug: "acme-web", contractId })).status).toBe(403);
    expect((await book(ben, { minutes: 30, customerSlug: "acme" })).status).toBe(403);
    expect((await call(entryGet, { key: eve.key, params: { id: String(annasEntry) } })).status).toBe(404);
    expect(
      (await call(entryPatch, { method: "PATCH", key: eve.key, params: { id: String(annasEntry) }, body: { minutes: 1 } }))
        .status,
    ).toBe(404);
    expect((await call(entryDelete, { method: "DELETE", key: eve.key, params: { id: String(annasEntry) } })).status).toBe(404);
    expect((await call(entriesGet, { key: eve.key, path: "/api/v1/time-entries?from=2000-01-01" })).json.entries).toEqual([]);
    expect((await call(entriesGet, { key: eve.key, path: "/api/v1/time-entries?customer=acme" })).status).toBe(404);
    const report = await call(reportGet, { key: eve.key, path: "/api/v1/reports/time?from=2000-01-01&to=2100-01-01" });
    expect(report.json.total).toEqual({ minutes: 0, entries: 0, billableMinutes: 0, nonBillableMinutes: 0, amounts: {} });
    expect((await call(reportGet, { key: eve.key, path: "/api/v1/reports/time?customer=acme" })).status).toBe(404);
    expect((await call(burndownGet, { key: eve.key, params: { slug: "acme", id: String(contractId) } })).status).toBe(404);
    const targets = await call(targetsGet, { key: eve.key });
    expect(targets.json.projects.map((p: { slug: string }) => p.slug)).not.toContain("acme-web");
    // Ben (viewer) reads Anna's entry and the customer's report, but cannot change it.
    expect((await call(entryGet, { key: ben.key, params: { id: String(annasEntry) } })).status).toBe(200);
    expect(
      (await call(entryPatch, { method: "PATCH", key: ben.key, params: { id: String(annasEntry) }, body: { minutes: 1 } }))
        .status,
    ).toBe(403);
    // Access granted: Eve books.
    await call(customerAccessPut, {
      method: "PUT",
      key: anna.key,
      params: { slug: "acme", username: "eve" },
      body: { role: "editor" },
    });
    expect((await book(eve, { minutes: 30, projectSlug: "acme-web" })).status).toBe(201);
  });

  it("contract usage equals the sum of its entries after creates, edits, cell changes and deletes", async () => {
    const ids: number[] = [];
    const amounts = [1, 7, 59, 61, 119, 333, 17, 2, 480, 45];
    for (const [i, minutes] of amounts.entries()) {
      const day = addDays(today, -(30 + (i % 5)));
      const res = await book(i % 2 ? anna : eve, {
        date: day,
        minutes,
        customerSlug: i % 3 ? "acme" : undefined,
        projectSlug: i % 3 ? undefined : "acme-web",
        contractId,
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      ids.push(res.json.id);
    }
    let s = await sums(contractId);
    expect(s.api).toBe(s.rows);
    expect(s.report).toBe(s.rows);
    const edits = [
      call(entryPatch, { method: "PATCH", key: eve.key, params: { id: String(ids[0]) }, body: { duration: "1.5h" } }),
      call(entryPatch, { method: "PATCH", key: anna.key, params: { id: String(ids[1]) }, body: { minutes: 8 } }),
      call(entryPatch, { method: "PATCH", key: anna.key, params: { id: String(ids[3]) }, body: { contractId: null } }),
    ];
    for (const r of await Promise.all(edits)) expect(r.status).toBe(200);
    expect((await call(entryDelete, { method: "DELETE", key: anna.key, params: { id: String(ids[5]) } })).status).toBe(204);
    const cell = await call(cellPut, {
      method: "PUT",
      key: anna.key,
      body: { date: addDays(today, -2), projectSlug: "acme-web", duration: "2:00" },
    });
    expect(cell.status).toBe(200);
    expect(cell.json.entries.reduce((t: number, e: { minutes: number }) => t + e.minutes, 0)).toBe(120);
    s = await sums(contractId);
    expect(s.api).toBe(s.rows);
    expect(s.report).toBe(s.rows);
    expect(Number.isInteger(s.api)).toBe(true);
    const contract = (await call(contractGet, { key: anna.key, params: { slug: "acme", id: String(contractId) } })).json;
    expect(contract.remainingMinutes).toBe(contract.contractedMinutes - s.rows);
    // Deleting the contract moves its entries off it; the customer's total stays.
    const customerTotal = async () =>
      (await call(reportGet, { key: root.key, path: "/api/v1/reports/time?from=2000-01-01&to=2100-01-01&customer=acme" })).json
        .total.minutes;
    const total = await customerTotal();
    const spare = (await post(contractsPost, anna.key, { name: "Spare", hours: 1 }, { slug: "acme" })).json.id;
    expect((await book(anna, { minutes: 3, customerSlug: "acme", contractId: spare })).status).toBe(201);
    expect(
      (await call(contractDelete, { method: "DELETE", key: anna.key, params: { slug: "acme", id: String(spare) } })).status,
    ).toBe(204);
    expect(await customerTotal()).toBe(total + 3);
    expect((await sums(spare)).rows).toBe(0);
  });

  it("sets a week cell's total: grows the newest entry, shrinks newest first, empties it", async () => {
    const date = addDays(today, -3);
    const put = (duration: string) =>
      call(cellPut, { method: "PUT", key: eve.key, body: { date, projectSlug: "acme-web", duration } });
    await getDb().timeEntry.deleteMany({ where: { userId: eve.id, date: new Date(`${date}T00:00:00Z`) } });
    expect((await put("1:00")).json.entries.map((e: { minutes: number }) => e.minutes)).toEqual([60]);
    await book(eve, { date, minutes: 30, projectSlug: "acme-web", cardKey });
    expect((await put("2h")).json.entries.map((e: { minutes: number }) => e.minutes)).toEqual([60, 60]);
    expect((await put("70m")).json.entries.map((e: { minutes: number }) => e.minutes)).toEqual([60, 10]);
    expect((await put("0:20")).json.entries.map((e: { minutes: number }) => e.minutes)).toEqual([20]);
    const emptied = await put("0");
    expect(emptied.json.entries).toEqual([]);
    const week = await call(weekGet, { key: eve.key, path: `/api/v1/time-entries/week?date=${date}` });
    expect(week.json.entries.filter((e: { date: string }) => e.date === date)).toEqual([]);
    expect(
      (await call(cellPut, { method: "PUT", key: eve.key, body: { date, projectSlug: "acme-web", duration: "25h" } })).status,
    ).toBe(400);
  });

  it("runs one timer per user in the database; starting another books the first; stop books it", async () => {
    await getDb().timeEntry.deleteMany({ where: { userId: anna.id, date: new Date(`${today}T00:00:00Z`) } });
    expect((await call(timerGet, { key: anna.key })).json.timer).toBeNull();
    const started = await post(timerStart, anna.key, { projectSlug: "acme-web", cardKey, description: "Review", date: today });
    expect(started.status).toBe(201);
    expect(started.json.timer).toMatchObject({
      project: { slug: "acme-web" },
      card: { key: cardKey },
      contract: { id: contractId },
    });
    await world.flush();
    expect(world.events.at(-1)).toMatchObject({ room: `user:${anna.id}`, type: "timer.updated" });
    // A timer started 50 minutes ago, as if on another device.
    await getDb().runningTimer.update({ where: { userId: anna.id }, data: { startedAt: new Date(Date.now() - 50 * 60_000) } });
    expect(
      (await call(timerPatch, { method: "PATCH", key: anna.key, body: { description: "Code review" } })).json.timer.description,
    ).toBe("Code review");
    const next = await post(timerStart, anna.key, { customerSlug: "acme", date: today });
    expect(next.json.stopped).toMatchObject({ minutes: 50, description: "Code review", card: { key: cardKey } });
    const stopped = await post(timerStop, anna.key, {});
    expect(stopped.status).toBe(201);
    expect(stopped.json).toMatchObject({ minutes: 1, customer: { slug: "acme" }, project: null });
    expect((await post(timerStop, anna.key, {})).status).toBe(404);
    expect(await getDb().runningTimer.count({ where: { userId: anna.id } })).toBe(0);
    await post(timerStart, anna.key, {});
    await getDb().runningTimer.update({ where: { userId: anna.id }, data: { startedAt: new Date(Date.now() - 25 * 3600_000) } });
    const tooLong = await post(timerStop, anna.key, {});
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.message).toContain("more than 24 hours");
    expect((await post(timerStop, anna.key, { duration: "8h" })).json.minutes).toBe(480);
    await post(timerStart, anna.key, { customerSlug: "acme" });
    expect((await call(timerDelete, { method: "DELETE", key: anna.key })).status).toBe(204);
    expect((await post(timerStart, eve.key, { customerSlug: "globex" })).status).toBe(404);
  });

  it("never lets concurrent bookings push a day over 24 hours", async () => {
    const date = addDays(today, -20);
    const results = await Promise.all([1, 2, 3].map(() => book(anna, { date, minutes: 10 * 60, projectSlug: "internal" })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 400]);
    const day = await getDb().timeEntry.aggregate({
      where: { userId: anna.id, date: new Date(`${date}T00:00:00Z`) },
      _sum: { minutes: true },
    });
    expect(day._sum.minutes).toBe(1200);
  });

  it("reports grouped totals and weekly series, and the same as CSV in the reader's language", async () => {
    const q = "/api/v1/reports/time?from=2000-01-01&to=2100-01-01&customer=acme&groupBy=user,week";
    const report = await call(reportGet, { key: ben.key, path: q });
    expect(report.status).toBe(200);
    const sum = report.json.groups.reduce((t: number, g: { minutes: number }) => t + g.minutes, 0);
    expect(sum).toBe(report.json.total.minutes);
    expect(report.json.weeks.reduce((t: number, w: { minutes: number }) => t + w.minutes, 0)).toBe(report.json.total.minutes);
    const res = await reportGet(
      new Request(`http://localhost${q}&format=csv&locale=de`, { headers: { authorization: `Bearer ${ben.key}` } }),
      { params: Promise.resolve({}) },
    );
    expect(res.headers.get("content-type")).toContain("text/csv");
    const csv = (await res.text()).replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    // Billable entries of a customer without rates: an amount column in its currency, 0,00.
    expect(report.json.total.amounts).toEqual({ EUR: 0 });
    expect(lines[0]).toBe(
      "Person;Woche;Dauer;Stunden;Minuten;Einträge;Abrechenbare Stunden;Nicht abrechenbare Stunden;Betrag (EUR)",
    );
    const total = report.json.total.minutes;
    const hours = (m: number) => (m / 60).toFixed(2).replace(".", ",");
    expect(lines.at(-1)).toBe(
      `Summe;;${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")};${hours(total)};${total};${report.json.total.entries};${hours(report.json.total.billableMinutes)};${hours(report.json.total.nonBillableMinutes)};0,00`,
    );
    // Entries (nothing grouped) in English, with a formula-looking description defused.
    await book(anna, { minutes: 15, customerSlug: "acme", description: '=HYPERLINK("x")' });
    const detail = await reportGet(
      new Request("http://localhost/api/v1/reports/time?from=2000-01-01&to=2100-01-01&customer=acme&format=csv", {
        headers: { authorization: `Bearer ${anna.key}` },
      }),
      { params: Promise.resolve({}) },
    );
    const text = await detail.text();
    expect(text).toContain("Date,User,Customer,Contract,Project,Card,Description,Duration,Hours,Minutes");
    expect(text).toContain(`"'=HYPERLINK(""x"")",0:15,0.25,15`);
    const bad = await call(reportGet, { key: ben.key, path: "/api/v1/reports/time?groupBy=planet" });
    expect(bad.status).toBe(400);
  });

  it("archives a customer read-only and restores it", async () => {
    expect((await post(customerArchive, anna.key, {}, { slug: "globex" })).json.isArchived).toBe(true);
    const booking = await book(anna, { minutes: 5, customerSlug: "globex" });
    expect(booking.status).toBe(409);
    expect((await call(customersGet, { key: anna.key })).json.map((c: { slug: string }) => c.slug)).not.toContain("globex");
    expect((await post(customerRestore, anna.key, {}, { slug: "globex" })).json.isArchived).toBe(false);
    const link = await call(projectPatch, {
      method: "PATCH",
      key: eve.key,
      params: { slug: "internal" },
      body: { customerSlug: "globex" },
    });
    expect(link.status).toBe(404);
  });
});
