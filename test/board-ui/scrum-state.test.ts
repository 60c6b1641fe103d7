// The scrum pages' client state: the backlog's lists follow answers and events whatever order they
// come in (a card lands in its sprint's list by rank, done cards leave the backlog), and a scrum
// board keeps only its active sprint's cards.
import { describe, expect, it } from "vitest";
import { applyEvent as applyBoardEvent, type BoardCard, type BoardState } from "../../components/board/board-state.ts";
import {
  applyEvent,
  BACKLOG,
  moveCardTo,
  type PlanCard,
  type PlanState,
  placement,
  sprintListId,
} from "../../components/scrum/backlog-state.ts";

const card = (id: number, rank: number, sprintId: number | null, version = 1, columnId = 1): PlanCard =>
  ({
    id,
    key: `S-${id}`,
    number: id,
    title: `Card ${id}`,
    columnId,
    position: 1024,
    priority: "medium",
    type: "task",
    dueDate: null,
    estimateHours: 0,
    storyPoints: id,
    parentKey: null,
    version,
    rank,
    sprintId,
    assignees: [],
    labels: [],
    commentCount: 0,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  }) as PlanCard;

const sprint = { id: 7, name: "Sprint 7", status: "planned" } as PlanState["lists"][number]["sprint"];
const state = (): PlanState => ({
  project: { id: 1, slug: "s", key: "S", name: "S", type: "scrum", role: "admin" } as unknown as PlanState["project"],
  canEdit: true,
  doneColumnIds: [3],
  columns: [],
  averageVelocity: null,
  lists: [
    { id: sprintListId(7), sprint, cards: [card(1, 1024, 7)] },
    { id: BACKLOG, sprint: null, cards: [card(2, 2048, null), card(3, 3072, null)] },
  ],
});
const keys = (s: PlanState) => s.lists.map((l) => l.cards.map((c) => c.key));

describe("backlog state", () => {
  it("puts a planned card into its sprint by rank, once, whatever the event order", () => {
    const moved = card(3, 512, 7, 2);
    const once = applyEvent(state(), { type: "card.planned", data: moved });
    expect(keys(once)).toEqual([["S-3", "S-1"], ["S-2"]]);
    expect(applyEvent(once, { type: "card.planned", data: moved })).toBe(once);
    // An older copy arriving late changes nothing.
    expect(applyEvent(once, { type: "card.updated", data: card(3, 3072, null, 1) })).toBe(once);
  });

  it("drops a card that became done from the backlog, and a deleted card from every list", () => {
    const done = applyEvent(state(), { type: "card.moved", data: card(2, 2048, null, 2, 3) });
    expect(keys(done)).toEqual([["S-1"], ["S-3"]]);
    expect(keys(applyEvent(done, { type: "card.deleted", data: { id: 1 } }))).toEqual([[], ["S-3"]]);
  });

  it("moves optimistically and tells the server the list and the neighbours", () => {
    const s = moveCardTo(state(), "S-3", sprintListId(7), 0);
    expect(keys(s)).toEqual([["S-3", "S-1"], ["S-2"]]);
    expect(placement(s, "S-3")).toEqual({ sprintId: 7, before: "S-1" });
    expect(placement(moveCardTo(s, "S-1", BACKLOG, 1), "S-1")).toEqual({ sprintId: null, after: "S-2" });
  });
});

describe("scrum board state", () => {
  const board = (activeSprint: { id: number } | null): BoardState =>
    ({
      project: { id: 1, type: "scrum", activeSprint },
      columns: [{ id: 1, name: "To do", position: 1024, wipLimit: 0, color: null, cards: [card(1, 1024, 7) as BoardCard] }],
    }) as unknown as BoardState;

  it("keeps only the active sprint's cards as events arrive", () => {
    const s = board({ id: 7 });
    const joined = applyBoardEvent(s, { type: "card.planned", data: card(2, 2048, 7, 2) });
    expect(joined.columns[0].cards.map((c) => c.key)).toEqual(["S-1", "S-2"]);
    const left = applyBoardEvent(joined, { type: "card.planned", data: card(1, 1024, null, 2) });
    expect(left.columns[0].cards.map((c) => c.key)).toEqual(["S-2"]);
    // A backlog card created or edited elsewhere never appears; without an active sprint, none does.
    expect(applyBoardEvent(left, { type: "card.created", data: card(5, 9000, null) })).toBe(left);
    expect(
      applyBoardEvent(board(null), { type: "card.created", data: card(6, 9000, null) }).columns[0].cards.map((c) => c.key),
    ).toEqual(["S-1"]);
  });
});
