// Burndown and velocity against hand-computed numbers, on every configured engine: a scripted
// sprint (cards done on given days, an estimate cut just after midnight in Berlin, a card added on
// day 3) read in two time zones, then three completed sprints' velocity. The clock is faked (Date
// only); every write goes through the same domain functions as the REST API.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getBoard } from "../../lib/boards/board.ts";
import { createCard, moveCard, updateCard } from "../../lib/boards/cards.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { addToSprint } from "../../lib/scrum/planning.ts";
import { getBurndown, getVelocity } from "../../lib/scrum/reports.ts";
import { completeSprint, createSprint, startSprint } from "../../lib/scrum/sprints.ts";
import { freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

/** An instant given as Berlin wall-clock time in March 2025 (UTC+1, before the switch to summer time). */
const berlin = (day: number, time: string) => new Date(`2025-03-${String(day).padStart(2, "0")}T${time}:00+01:00`);

describe.each(availableEngines())("[SCRUM] burndown and velocity on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  const slug = "burn";
  let columns: { todo: number; doing: number; done: number };

  const at = (when: Date) => vi.setSystemTime(when);
  const card = async (title: string, storyPoints: number) => (await createCard(owner.actor, slug, { title, storyPoints })).key;
  const done = (key: string) => moveCard(owner.actor, slug, key, { columnId: columns.done });

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("scrummaster");
    await createProject(owner.actor, { name: "Burn", key: "BRN", slug, type: "scrum" });
    const board = await getBoard(owner.actor, slug);
    const [todo, doing, doneColumn] = board.columns.map((c) => c.id);
    columns = { todo, doing, done: doneColumn };
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => world?.close());

  it("replays a scripted sprint to the hand-computed remaining points per day, ideal line and scope changes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at(berlin(3, "08:00"));
    const [a, b, c] = [await card("A", 3), await card("B", 5), await card("C", 8)];
    const d = await card("D", 2);
    const sprint = await createSprint(owner.actor, slug, { name: "Sprint 1", startDate: "2025-03-03", endDate: "2025-03-07" });
    await addToSprint(owner.actor, slug, sprint.id, { keys: [a, b, c] });
    at(berlin(3, "09:00"));
    expect((await startSprint(owner.actor, slug, sprint.id, {})).committedPoints).toBe(16);

    at(berlin(3, "15:00")); // day 1: A (3) done
    await done(a);
    at(berlin(4, "11:00")); // day 2: B only moves to "in progress", which changes nothing
    await moveCard(owner.actor, slug, b, { columnId: columns.doing });
    at(berlin(5, "00:30")); // day 3 in Berlin (still day 2 in UTC): C re-estimated 8 → 5
    await updateCard(owner.actor, slug, c, { storyPoints: 5 });
    at(berlin(5, "10:00")); // day 3: D (2) joins the sprint
    await addToSprint(owner.actor, slug, sprint.id, { key: d });
    at(berlin(6, "09:00")); // day 4: B and D done
    await done(b);
    await done(d);
    at(berlin(6, "18:00"));

    const berlinChart = await getBurndown(owner.actor, slug, "active", { timeZone: "Europe/Berlin" });
    // Start 16; end of day 1: 16 − 3 = 13; day 2: 13; day 3: 13 − 3 (estimate) + 2 (D) = 12;
    // day 4 (so far): 12 − 5 − 2 = 5; day 5 has not begun.
    expect(berlinChart.days.map((x) => x.remaining)).toEqual([16, 13, 13, 12, 5, null]);
    expect(berlinChart.days.map((x) => x.scope)).toEqual([16, 16, 16, 15, 15, null]);
    expect(berlinChart.days.map((x) => x.ideal)).toEqual([16, 12.8, 9.6, 6.4, 3.2, 0]);
    expect(berlinChart.days.map((x) => [x.added, x.removed, x.completed])).toEqual([
      [0, 0, 0],
      [0, 0, 3],
      [0, 0, 0],
      [2, 3, 0],
      [0, 0, 7],
      [0, 0, 0],
    ]);
    expect(berlinChart.days.map((x) => x.date)).toEqual([
      "2025-03-03",
      "2025-03-03",
      "2025-03-04",
      "2025-03-05",
      "2025-03-06",
      "2025-03-07",
    ]);
    expect(berlinChart.scopeChanges.map(({ day, key, kind, points }) => ({ day, key, kind, points }))).toEqual([
      { day: 3, key: c, kind: "estimate", points: -3 },
      { day: 3, key: d, kind: "added", points: 2 },
    ]);

    // In UTC the re-estimate (23:30 UTC on the 4th) falls on day 2.
    const utcChart = await getBurndown(owner.actor, slug, sprint.id, { timeZone: "UTC" });
    expect(utcChart.days.map((x) => x.remaining)).toEqual([16, 13, 10, 12, 5, null]);
    expect(utcChart.scopeChanges.map((x) => x.day)).toEqual([2, 3]);

    at(berlin(7, "15:00")); // day 5: C (5) done, then the sprint completes
    await done(c);
    at(berlin(7, "16:00"));
    const completed = await completeSprint(owner.actor, slug, sprint.id, {});
    expect(completed.sprint).toMatchObject({ status: "closed", committedPoints: 16, completedPoints: 15 });
    expect(completed.unfinishedCardIds).toEqual([]);
    at(berlin(20, "12:00"));
    const closedChart = await getBurndown(owner.actor, slug, sprint.id, { timeZone: "Europe/Berlin" });
    expect(closedChart.days.map((x) => x.remaining)).toEqual([16, 13, 13, 12, 5, 0]);
  });

  it("records what moved the chart in each card's history", async () => {
    const { getCardHistory } = await import("../../lib/boards/history.ts");
    const rows = await getCardHistory(owner.actor, slug, "BRN-4");
    const fields = rows.map((r) => [r.field, r.oldValue, r.newValue]);
    expect(fields).toContainEqual(["sprint", null, "Sprint 1"]);
    expect(fields).toContainEqual(["sprint_completed", null, "Sprint 1"]);
    const a = (await getCardHistory(owner.actor, slug, "BRN-1")).map((r) => r.field);
    expect(a).toEqual(expect.arrayContaining(["sprint", "sprint_started", "sprint_completed"]));
  });

  it("gives the velocity of the last sprints (committed vs completed) and the average of the last three", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at(berlin(10, "09:00"));
    const [x, y] = [await card("X", 4), await card("Y", 6)];
    const two = await createSprint(owner.actor, slug, { name: "Sprint 2", startDate: "2025-03-10", endDate: "2025-03-14" });
    await addToSprint(owner.actor, slug, two.id, { keys: [x, y] });
    await startSprint(owner.actor, slug, two.id, {});
    at(berlin(12, "10:00"));
    await done(x);
    at(berlin(14, "17:00"));
    const second = await completeSprint(owner.actor, slug, two.id, { moveUnfinishedTo: "new" });
    expect(second.sprint).toMatchObject({ committedPoints: 10, completedPoints: 4 });
    expect(second.movedTo).not.toBe("backlog");
    const three = (second.movedTo as { sprint: { id: number; name: string; cardCount: number } }).sprint;
    expect(three).toMatchObject({ name: "BRN Sprint 3", cardCount: 1 });

    at(berlin(17, "09:00"));
    const z = await card("Z", 3);
    await addToSprint(owner.actor, slug, three.id, { key: z });
    await startSprint(owner.actor, slug, three.id, { startDate: "2025-03-17", endDate: "2025-03-21" });
    at(berlin(19, "12:00"));
    await done(y);
    await done(z);
    at(berlin(21, "17:00"));
    expect((await completeSprint(owner.actor, slug, three.id, {})).sprint).toMatchObject({
      committedPoints: 9,
      completedPoints: 9,
    });

    const velocity = await getVelocity(owner.actor, slug);
    expect(velocity.sprints.map((s) => [s.name, s.committed, s.completed])).toEqual([
      ["Sprint 1", 16, 15],
      ["Sprint 2", 10, 4],
      ["BRN Sprint 3", 9, 9],
    ]);
    // (15 + 4 + 9) / 3 = 9.33…
    expect(velocity.averageVelocity).toBe(9.3);
    expect(velocity.averageOver).toBe(3);
    const lastTwo = await getVelocity(owner.actor, slug, { count: "2" });
    expect(lastTwo.sprints.map((s) => s.name)).toEqual(["Sprint 2", "BRN Sprint 3"]);
    expect(lastTwo.averageVelocity).toBe(6.5);
  });
});
