// Sprints and the backlog through their REST routes on every configured engine: a kanban project
// refuses them, one sprint is active per project (also when two starts race), completing moves the
// unfinished cards where asked, planning puts cards between neighbours, the scrum board shows the
// active sprint, and every change publishes after commit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as backlogGet, POST as backlogPost } from "../../app/api/v1/projects/[slug]/backlog/route.ts";
import { GET as boardGet } from "../../app/api/v1/projects/[slug]/board/route.ts";
import { PATCH as cardPatch } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { POST as cardPost } from "../../app/api/v1/projects/[slug]/cards/route.ts";
import { GET as doneGet, PUT as donePut } from "../../app/api/v1/projects/[slug]/done-columns/route.ts";
import { POST as membersPost } from "../../app/api/v1/projects/[slug]/members/route.ts";
import { GET as burndownGet } from "../../app/api/v1/projects/[slug]/sprints/[id]/burndown/route.ts";
import { DELETE as sprintCardDelete } from "../../app/api/v1/projects/[slug]/sprints/[id]/cards/[key]/route.ts";
import { POST as sprintCardsPost } from "../../app/api/v1/projects/[slug]/sprints/[id]/cards/route.ts";
import { POST as completePost } from "../../app/api/v1/projects/[slug]/sprints/[id]/complete/route.ts";
import {
  DELETE as sprintDelete,
  GET as sprintGet,
  PATCH as sprintPatch,
} from "../../app/api/v1/projects/[slug]/sprints/[id]/route.ts";
import { POST as startPost } from "../../app/api/v1/projects/[slug]/sprints/[id]/start/route.ts";
import { GET as sprintsGet, POST as sprintsPost } from "../../app/api/v1/projects/[slug]/sprints/route.ts";
import { GET as velocityGet } from "../../app/api/v1/projects/[slug]/sprints/velocity/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { getDb } from "../../lib/db/client.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("[SCRUM] sprints and backlog on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  let viewer: Person;
  let outsider: Person;
  const slug = "team";
  let doneColumn: number;

  const get = <P>(handler: Parameters<typeof call<P>>[0], params: P, who: Person = owner) =>
    call(handler, { key: who.key, params });
  const post = <P>(handler: Parameters<typeof call<P>>[0], params: P, body: unknown = {}, who: Person = owner) =>
    call(handler, { key: who.key, params, body });
  const newSprint = async (body: Record<string, unknown> = {}, project = slug) => {
    const res = await post(sprintsPost, { slug: project }, body);
    expect(res.status).toBe(201);
    return res.json as { id: number; name: string };
  };
  const newCard = async (title: string, storyPoints = 1, project = slug) => {
    const res = await post(cardPost, { slug: project }, { title, storyPoints });
    expect(res.status).toBe(201);
    return res.json.key as string;
  };
  const sprintCards = (id: number) => post(sprintCardsPost, { slug, id: String(id) }, {});
  const backlog = async () => (await get(backlogGet, { slug })).json;

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("sm");
    viewer = await person("watcher");
    outsider = await person("outsider");
    expect((await post(projectsPost, {}, { name: "Team", key: "TEAM", slug, type: "scrum" })).status).toBe(201);
    expect((await post(projectsPost, {}, { name: "Flow", key: "FLOW", slug: "flow" })).status).toBe(201);
    await post(membersPost, { slug }, { username: viewer.username, role: "viewer" });
    const board = await get(boardGet, { slug });
    doneColumn = board.json.columns.at(-1).id;
  });
  afterAll(async () => world?.close());

  it("refuses every sprint and backlog operation on a kanban project with a 409 that says why", async () => {
    const card = await post(cardPost, { slug: "flow" }, { title: "plain" });
    const refused = [
      await get(sprintsGet, { slug: "flow" }),
      await post(sprintsPost, { slug: "flow" }, { name: "No" }),
      await get(backlogGet, { slug: "flow" }),
      await post(backlogPost, { slug: "flow" }, { key: card.json.key }),
      await get(velocityGet, { slug: "flow" }),
      await get(burndownGet, { slug: "flow", id: "active" }),
      await post(startPost, { slug: "flow", id: "1" }),
      await post(cardPost, { slug: "flow" }, { title: "into a sprint", sprintId: 1 }),
    ];
    for (const res of refused.slice(0, -1)) {
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe("conflict");
      expect(res.json.error.message).toContain("kanban");
    }
    expect(refused.at(-1)?.status).toBe(400);
    expect(await getDb().sprint.count()).toBe(0);
    expect(await getDb().card.count({ where: { project: { slug: "flow" } } })).toBe(1);
  });

  it("lets a project have one active sprint, also when two starts race", async () => {
    const [a, b] = [await newSprint({ startDate: "2030-01-01", endDate: "2030-01-14" }), await newSprint()];
    expect(b.name).toBe("TEAM Sprint 2");
    expect((await post(startPost, { slug, id: String(b.id) })).json.error.details.fields[0].path).toBe("startDate");
    expect((await post(startPost, { slug, id: String(a.id) })).status).toBe(200);
    const second = await post(startPost, { slug, id: String(b.id) }, { startDate: "2030-01-15", endDate: "2030-01-28" });
    expect(second.status).toBe(409);
    expect(second.json.error.message).toContain(a.name);
    expect((await post(startPost, { slug, id: String(a.id) })).status).toBe(409);
    expect((await post(completePost, { slug, id: String(a.id) })).status).toBe(200);
    expect((await call(sprintDelete, { method: "DELETE", key: owner.key, params: { slug, id: String(b.id) } })).status).toBe(204);

    // Concurrent starts of two planned sprints, and of one sprint twice: exactly one wins each time.
    for (let round = 0; round < 3; round++) {
      const [x, y] = [await newSprint(), await newSprint()];
      const dates = { startDate: "2030-02-01", endDate: "2030-02-14" };
      const answers = await Promise.all([
        post(startPost, { slug, id: String(x.id) }, dates),
        post(startPost, { slug, id: String(y.id) }, dates),
        post(startPost, { slug, id: String(x.id) }, dates),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      expect(await getDb().sprint.count({ where: { status: "active" } })).toBe(1);
      const winner = answers.find((r) => r.status === 200)?.json.id as number;
      expect((await post(completePost, { slug, id: String(winner) })).status).toBe(200);
      const loser = winner === x.id ? y : x;
      await call(sprintDelete, { method: "DELETE", key: owner.key, params: { slug, id: String(loser.id) } });
    }
  });

  it("plans by rank: between neighbours, into and out of sprints, the backlog without done cards", async () => {
    const [k1, k2, k3, k4] = [
      await newCard("one", 1),
      await newCard("two", 2),
      await newCard("three", 3),
      await newCard("four", 5),
    ];
    const keys = async () => (await backlog()).backlog.cards.map((c: { key: string }) => c.key);
    expect((await keys()).slice(-4)).toEqual([k1, k2, k3, k4]);
    // Reorder: four between one and two.
    const moved = await post(backlogPost, { slug }, { key: k4, afterKey: k1, beforeKey: k2 });
    expect(moved.status).toBe(200);
    expect((await keys()).slice(-4)).toEqual([k1, k4, k2, k3]);
    // Neighbours that are not adjacent any more: 409; not in the backlog: 400; nothing changes.
    expect((await post(backlogPost, { slug }, { key: k3, afterKey: k1, beforeKey: k2 })).status).toBe(409);
    expect((await post(backlogPost, { slug }, { key: k3, afterKey: "TEAM-9999" })).status).toBe(400);
    expect((await keys()).slice(-4)).toEqual([k1, k4, k2, k3]);

    const sprint = await newSprint({ name: "Planning" });
    await world.flush();
    world.events.length = 0;
    const first = await post(sprintCardsPost, { slug, id: String(sprint.id) }, { key: k2 });
    expect(first.json).toMatchObject({ key: k2, sprintId: sprint.id });
    expect((await post(sprintCardsPost, { slug, id: String(sprint.id) }, { key: k3, beforeKey: k2 })).status).toBe(200);
    await world.flush();
    expect(world.events.map((e) => [e.type, (e.data as { key: string }).key])).toEqual([
      ["card.planned", k2],
      ["card.planned", k3],
    ]);
    const planned = (await get(sprintGet, { slug, id: String(sprint.id) })).json;
    expect(planned.cards.map((c: { key: string }) => c.key)).toEqual([k3, k2]);
    expect(planned).toMatchObject({ status: "planned", cardCount: 2, points: 5, committedPoints: 5 });
    expect((await keys()).slice(-2)).toEqual([k1, k4]);
    // Out of the sprint: to the top of the backlog.
    const out = await call(sprintCardDelete, {
      method: "DELETE",
      key: owner.key,
      params: { slug, id: String(sprint.id), key: k3 },
    });
    expect(out.json).toMatchObject({ key: k3, sprintId: null });
    expect((await keys())[0]).toBe(k3);
    // A done card leaves the backlog.
    const movePath = await import("../../app/api/v1/projects/[slug]/cards/[key]/move/route.ts");
    await post(movePath.POST, { slug, key: k1 }, { columnId: doneColumn });
    expect(await keys()).not.toContain(k1);
    // Viewers read but do not plan; outsiders see nothing.
    expect((await get(backlogGet, { slug }, viewer)).status).toBe(200);
    expect((await post(backlogPost, { slug }, { key: k4 }, viewer)).status).toBe(403);
    expect((await get(backlogGet, { slug }, outsider)).status).toBe(404);
    expect((await get(sprintGet, { slug, id: String(sprint.id) }, outsider)).status).toBe(404);
    // The sprint's history on the card.
    const { getCardHistory } = await import("../../lib/boards/history.ts");
    const h = (await getCardHistory(owner.actor, slug, k3)).map((r) => [r.field, r.oldValue, r.newValue]);
    expect(h.slice(0, 2)).toEqual([
      ["sprint", "Planning", null],
      ["sprint", null, "Planning"],
    ]);
  });

  it("completes a sprint moving unfinished cards to the backlog, a planned sprint, or a new one, as chosen", async () => {
    for (const choice of ["backlog", "planned", "new"] as const) {
      const [doneKey, openKey, deletedKey] = [
        await newCard(`${choice} done`, 3),
        await newCard(`${choice} open`, 5),
        await newCard("gone", 8),
      ];
      const sprint = await newSprint({ startDate: "2030-03-01", endDate: "2030-03-14" });
      await post(sprintCardsPost, { slug, id: String(sprint.id) }, { keys: [doneKey, openKey, deletedKey] });
      expect((await post(startPost, { slug, id: String(sprint.id) })).json.committedPoints).toBe(16);
      // The board is the active sprint.
      const board = (await get(boardGet, { slug })).json;
      expect(board.project.activeSprint).toMatchObject({ id: sprint.id, name: sprint.name });
      expect(board.columns.flatMap((c: { cards: { key: string }[] }) => c.cards.map((x) => x.key)).sort()).toEqual(
        [doneKey, openKey, deletedKey].sort(),
      );
      const movePath = await import("../../app/api/v1/projects/[slug]/cards/[key]/move/route.ts");
      await post(movePath.POST, { slug, key: doneKey }, { columnId: doneColumn });
      const cardRoute = await import("../../app/api/v1/projects/[slug]/cards/[key]/route.ts");
      await call(cardRoute.DELETE, { method: "DELETE", key: owner.key, params: { slug, key: deletedKey } });
      const next = choice === "planned" ? await newSprint({ name: "Next up" }) : null;
      const body = { moveUnfinishedTo: choice === "planned" ? next?.id : choice };
      await world.flush();
      world.events.length = 0;
      const res = await post(completePost, { slug, id: String(sprint.id) }, body);
      expect(res.status).toBe(200);
      expect(res.json.sprint).toMatchObject({ status: "closed", committedPoints: 16, completedPoints: 3 });
      const open = (await get(sprintsGet, { slug })).json.find((s: { status: string }) => s.status === "active");
      expect(open).toBeUndefined();
      const { backlog: list, sprints } = await backlog();
      const inBacklog = list.cards.some((c: { key: string }) => c.key === openKey);
      const holder = sprints.find((s: { cards: { key: string }[] }) => s.cards.some((c) => c.key === openKey));
      if (choice === "backlog") {
        expect(inBacklog).toBe(true);
        expect(holder).toBeUndefined();
      } else {
        expect(inBacklog).toBe(false);
        expect(holder.id).toBe(choice === "planned" ? next?.id : res.json.movedTo.sprint.id);
      }
      expect(list.cards.some((c: { key: string }) => c.key === doneKey)).toBe(false);
      await world.flush();
      expect(world.events.map((e) => e.type)).toEqual(
        choice === "new" ? ["sprint.created", "sprint.completed"] : ["sprint.completed"],
      );
      if (holder) await call(sprintDelete, { method: "DELETE", key: owner.key, params: { slug, id: String(holder.id) } });
    }
    // A closed sprint stays as it was.
    const closed = (await get(sprintsGet, { slug })).json.find((s: { status: string }) => s.status === "closed");
    expect(
      (await call(sprintPatch, { method: "PATCH", key: owner.key, params: { slug, id: String(closed.id) }, body: { name: "x" } }))
        .status,
    ).toBe(409);
    expect((await sprintCards(closed.id)).status).toBe(400);
    expect((await post(sprintCardsPost, { slug, id: String(closed.id) }, { key: "TEAM-1" })).status).toBe(409);
    expect((await post(completePost, { slug, id: String(closed.id) })).status).toBe(409);
  });

  it("lets a project admin choose the done columns, which decide what counts as done", async () => {
    const columns = (await get(boardGet, { slug })).json.columns as { id: number }[];
    // A new project's "Done" column is chosen explicitly when the project is made: adding a column
    // after it changes nothing (issue 21).
    expect((await get(doneGet, { slug })).json).toMatchObject({ columnIds: [doneColumn], isChosen: true });
    const both = [columns[1].id, doneColumn];
    const res = await call(donePut, { method: "PUT", key: owner.key, params: { slug }, body: { columnIds: both } });
    expect(res.json).toMatchObject({ columnIds: both, isChosen: true });
    const key = await newCard("in review", 2);
    const moveRoute = await import("../../app/api/v1/projects/[slug]/cards/[key]/move/route.ts");
    await post(moveRoute.POST, { slug, key }, { columnId: columns[1].id });
    expect((await backlog()).backlog.cards.some((c: { key: string }) => c.key === key)).toBe(false);
    expect((await call(donePut, { method: "PUT", key: viewer.key, params: { slug }, body: { columnIds: [] } })).status).toBe(403);
    expect((await call(donePut, { method: "PUT", key: owner.key, params: { slug }, body: { columnIds: [999999] } })).status).toBe(
      400,
    );
    expect(
      (await call(donePut, { method: "PUT", key: owner.key, params: { slug }, body: { columnIds: [] } })).json.isChosen,
    ).toBe(false);
  });

  it("answers bad input with 400 and unknown sprints with 404, changing nothing", async () => {
    const before = await getDb().sprint.count();
    const bad = [
      await post(sprintsPost, { slug }, { name: "" }),
      await post(sprintsPost, { slug }, { startDate: "2030-02-10", endDate: "2030-02-01" }),
      await post(sprintsPost, { slug }, { startDate: "tomorrow" }),
      await post(sprintsPost, { slug }, { name: "x", extra: 1 }),
      await post(backlogPost, { slug }, {}),
      await get(burndownGet, { slug, id: "active" }),
    ];
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 404]);
    expect((await get(sprintGet, { slug, id: "abc" })).status).toBe(404);
    expect((await get(sprintGet, { slug, id: "99999999999" })).status).toBe(404);
    const planned = await newSprint();
    expect((await get(burndownGet, { slug, id: String(planned.id) })).status).toBe(409);
    const tz = await call(burndownGet, {
      key: owner.key,
      params: { slug, id: String(planned.id) },
      path: "/x?timeZone=Mars/Olympus",
    });
    expect([400, 409]).toContain(tz.status);
    expect(await getDb().sprint.count()).toBe(before + 1);
    // Story points stay a scrum thing, and a card may be created straight into a sprint.
    const created = await post(cardPost, { slug }, { title: "straight in", storyPoints: 2, sprintId: planned.id });
    expect(created.json).toMatchObject({ sprintId: planned.id, storyPoints: 2 });
    expect(
      (
        await call(cardPatch, {
          method: "PATCH",
          key: owner.key,
          params: { slug, key: created.json.key },
          body: { storyPoints: 3 },
        })
      ).json.storyPoints,
    ).toBe(3);
  });
});
