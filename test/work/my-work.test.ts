// "My work" on every engine: the open cards assigned to the user across the projects they can read
// (not done, not deleted, not in archived or no-longer-readable projects), grouped by due date with
// the overdue first or by project (projects with overdue cards first), the running timer and the
// unread mentions; GET /api/v1/me/work answers it, refuses a key limited to one project and bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as workGet } from "../../app/api/v1/me/work/route.ts";
import { getBoard } from "../../lib/boards/board.ts";
import { createCard, deleteCard } from "../../lib/boards/cards.ts";
import { addComment } from "../../lib/boards/comments.ts";
import { addMember, removeMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { getDb } from "../../lib/db/client.ts";
import { addDays, todayUtc } from "../../lib/time/dates.ts";
import { startTimer } from "../../lib/time/timer.ts";
import { dueBucket, groupWork, myWork, workRooms } from "../../lib/work/my-work.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe("due buckets", () => {
  it("places due dates relative to the user's today", () => {
    expect(dueBucket("2026-01-09", "2026-01-10")).toBe("overdue");
    expect(dueBucket("2026-01-10", "2026-01-10")).toBe("today");
    expect(dueBucket("2026-01-17", "2026-01-10")).toBe("week");
    expect(dueBucket("2026-01-18", "2026-01-10")).toBe("later");
    expect(dueBucket(null, "2026-01-10")).toBe("none");
    expect(groupWork([], "due")).toEqual([]);
  });
});

describe.each(availableEngines())("my work on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  let anna: Person;
  let scoped: Person;
  const today = todayUtc();
  const keys: Record<string, string> = {};
  let alpha: { id: number; slug: string };
  let beta: { id: number; slug: string };
  let gamma: { id: number; slug: string };

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("owner");
    anna = await person("anna");
    alpha = await createProject(owner.actor, { name: "Alpha", key: "ALP" });
    beta = await createProject(owner.actor, { name: "Beta", key: "BET" });
    gamma = await createProject(owner.actor, { name: "Gamma", key: "GAM" });
    for (const p of [alpha, beta, gamma]) await addMember(owner.actor, p.slug, { username: "anna", role: "member" });
    scoped = await person("scoped", { projectId: alpha.id });
    const mk = async (name: string, slug: string, input: Record<string, unknown>) => {
      keys[name] = (await createCard(owner.actor, slug, { title: name, assignees: ["anna"], ...input })).key;
    };
    await mk("alpha later", alpha.slug, { dueDate: addDays(today, 30) });
    await mk("alpha undated", alpha.slug, {});
    await mk("beta overdue", beta.slug, { dueDate: addDays(today, -2), priority: "high" });
    await mk("beta today", beta.slug, { dueDate: today });
    await mk("beta week", beta.slug, { dueDate: addDays(today, 3) });
    await createCard(owner.actor, beta.slug, { title: "not mine", dueDate: today });
    // Done (the last column), deleted, and in a project anna no longer reads: not her open work.
    const betaBoard = await getBoard(owner.actor, beta.slug);
    await mk("beta done", beta.slug, { columnId: betaBoard.columns.at(-1)?.id });
    await mk("beta deleted", beta.slug, {});
    await deleteCard(owner.actor, beta.slug, keys["beta deleted"]);
    await mk("gamma gone", gamma.slug, { dueDate: addDays(today, -5) });
    await removeMember(owner.actor, gamma.slug, "anna");
  });
  afterAll(async () => world?.close());

  const titles = (groups: { cards: { title: string }[] }[]) => groups.map((g) => g.cards.map((c) => c.title));

  it("groups by due date, overdue first, soonest first; leaves out done, deleted and unreadable cards", async () => {
    const work = await myWork(anna.actor);
    expect(work.groupBy).toBe("due");
    expect(work.groups.map((g) => g.key)).toEqual(["overdue", "today", "week", "later", "none"]);
    expect(titles(work.groups)).toEqual([["beta overdue"], ["beta today"], ["beta week"], ["alpha later"], ["alpha undated"]]);
    expect(work).toMatchObject({ total: 5, overdue: 1, truncated: false, today, timer: null });
    const card = work.groups[0].cards[0];
    expect(card).toMatchObject({
      key: keys["beta overdue"],
      project: { slug: beta.slug, name: "Beta", key: "BET" },
      column: { name: expect.any(String) },
      bucket: "overdue",
      assignees: [{ username: "anna" }],
    });
    // With done cards asked for, the done one comes too.
    const all = await myWork(anna.actor, { done: "true" });
    expect(all.total).toBe(6);
  });

  it("groups by project with the projects that have overdue cards first", async () => {
    const work = await myWork(anna.actor, { groupBy: "project" });
    expect(work.groups.map((g) => g.project?.name)).toEqual(["Beta", "Alpha"]);
    expect(titles(work.groups)).toEqual([
      ["beta overdue", "beta today", "beta week"],
      ["alpha later", "alpha undated"],
    ]);
  });

  it("shows the running timer and the unread mentions; follows the user's and the projects' rooms", async () => {
    await startTimer(anna.actor, { cardKey: keys["beta today"], projectSlug: beta.slug, description: "on it" });
    await addComment(owner.actor, alpha.slug, keys["alpha undated"], { body: "@anna can you check?" });
    const work = await myWork(anna.actor);
    expect(work.timer).toMatchObject({ description: "on it", card: { key: keys["beta today"] } });
    expect(work.mentions.unread).toBe(1);
    expect(work.mentions.latest[0]).toMatchObject({
      url: `/${alpha.slug}/cards/${keys["alpha undated"]}`,
      actor: { username: "owner" },
    });
    const rooms = await workRooms(anna.actor, work);
    expect(rooms).toEqual([`user:${anna.id}`, `project:${alpha.id}`, `project:${beta.id}`]);
  });

  it("answers GET /api/v1/me/work; 403 for a key limited to one project, 400 for bad input, only one's own", async () => {
    const res = await call(workGet, { key: anna.key, path: "/api/v1/me/work?groupBy=project" });
    expect(res.status).toBe(200);
    expect(res.json.groups.map((g: { key: string }) => g.key)).toEqual([beta.slug, alpha.slug]);
    expect((await call(workGet, { key: scoped.key, path: "/api/v1/me/work" })).status).toBe(403);
    const bad = await call(workGet, { key: anna.key, path: "/api/v1/me/work?groupBy=colour" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("validation");
    expect((await call(workGet, { key: anna.key, path: "/api/v1/me/work?extra=1" })).status).toBe(400);
    const mine = await call(workGet, { key: owner.key, path: "/api/v1/me/work" });
    expect(mine.json).toMatchObject({ total: 0, groups: [] });
    // Archived projects leave the page.
    await getDb().project.update({ where: { id: beta.id }, data: { isArchived: true } });
    expect((await myWork(anna.actor)).total).toBe(2);
  });
});
