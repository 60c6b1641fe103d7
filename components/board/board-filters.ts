// Board filters: parsed from and written to the URL's search params, so that a filtered board can be
// shared as a link. Filtering is client-side over the loaded board; no React here, only pure functions.
import type { BoardCard, BoardState } from "./board-state.ts";

export const PRIORITIES = ["low", "medium", "high", "critical"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const DUE_FILTERS = ["overdue", "week"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** `assignees` holds usernames, `"me"` for the viewer and `"none"` for unassigned cards; `labels` holds names. */
export type BoardFilter = {
  q: string;
  assignees: string[];
  labels: string[];
  priorities: Priority[];
  due: DueFilter | null;
};

export const EMPTY_FILTER: BoardFilter = { q: "", assignees: [], labels: [], priorities: [], due: null };

type Params = { get(name: string): string | null };

const list = (raw: string | null) =>
  raw
    ? [
        ...new Set(
          raw
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ]
    : [];

export function parseFilter(params: Params): BoardFilter {
  const due = params.get("due");
  return {
    q: (params.get("q") ?? "").slice(0, 200),
    assignees: list(params.get("assignee")),
    labels: list(params.get("label")),
    priorities: list(params.get("priority")).filter((p): p is Priority => (PRIORITIES as readonly string[]).includes(p)),
    due: (DUE_FILTERS as readonly string[]).includes(due ?? "") ? (due as DueFilter) : null,
  };
}

/** The filter as search params (only what is set, in a fixed order so that equal filters give equal URLs). */
export function filterToSearch(filter: BoardFilter): string {
  const params = new URLSearchParams();
  if (filter.q.trim()) params.set("q", filter.q);
  if (filter.assignees.length) params.set("assignee", filter.assignees.join(","));
  if (filter.labels.length) params.set("label", filter.labels.join(","));
  if (filter.priorities.length) params.set("priority", filter.priorities.join(","));
  if (filter.due) params.set("due", filter.due);
  const s = params.toString();
  return s ? `?${s}` : "";
}

export const isFilterActive = (f: BoardFilter) =>
  f.q.trim() !== "" || f.assignees.length > 0 || f.labels.length > 0 || f.priorities.length > 0 || f.due !== null;

export const countActive = (f: BoardFilter) =>
  (f.q.trim() ? 1 : 0) +
  (f.assignees.length ? 1 : 0) +
  (f.labels.length ? 1 : 0) +
  (f.priorities.length ? 1 : 0) +
  (f.due ? 1 : 0);

/** Local calendar date as `YYYY-MM-DD` (due dates are dates, not instants). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Monday to Sunday of the week holding `today`, as ISO dates. */
export function weekBounds(today: Date): { start: string; end: string } {
  const day = (today.getDay() + 6) % 7;
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - day);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6);
  return { start: isoDate(start), end: isoDate(end) };
}

export type FilterContext = { me: string; today: Date };

/** A predicate for the filter, built once per filter change (not per card). */
export function cardMatcher(filter: BoardFilter, ctx: FilterContext): (card: BoardCard) => boolean {
  const q = filter.q.trim().toLowerCase();
  const assignees = new Set(filter.assignees.map((a) => (a === "me" ? ctx.me : a).toLowerCase()));
  const wantsUnassigned = assignees.has("none");
  const labels = new Set(filter.labels.map((l) => l.toLowerCase()));
  const priorities = new Set<string>(filter.priorities);
  const today = isoDate(ctx.today);
  const week = weekBounds(ctx.today);
  return (card) => {
    if (q && !card.title.toLowerCase().includes(q) && !card.key.toLowerCase().includes(q)) return false;
    if (
      assignees.size > 0 &&
      !(wantsUnassigned && card.assignees.length === 0) &&
      !card.assignees.some((a) => assignees.has(a.username.toLowerCase()))
    )
      return false;
    if (labels.size > 0 && !card.labels.some((l) => labels.has(l.name.toLowerCase()))) return false;
    if (priorities.size > 0 && !priorities.has(card.priority)) return false;
    if (filter.due === "overdue" && !(card.dueDate !== null && card.dueDate < today)) return false;
    if (filter.due === "week" && !(card.dueDate !== null && card.dueDate >= week.start && card.dueDate <= week.end)) return false;
    return true;
  };
}

/**
 * The board as the filter shows it: every column stays (so cards can still be dropped anywhere),
 * with only its matching cards. Columns without a change keep their identity, so memoised
 * components do not re-render.
 */
export function filterBoard(state: BoardState, filter: BoardFilter, ctx: FilterContext): BoardState {
  if (!isFilterActive(filter)) return state;
  const matches = cardMatcher(filter, ctx);
  return {
    ...state,
    columns: state.columns.map((column) => {
      const cards = column.cards.filter(matches);
      return cards.length === column.cards.length ? column : { ...column, cards };
    }),
  };
}

/** What the filter menus offer: the people and labels on the board's cards, by name. */
export function filterOptions(state: BoardState): { assignees: string[]; labels: { name: string; color: string }[] } {
  const people = new Set<string>();
  const labels = new Map<string, string>();
  for (const column of state.columns)
    for (const card of column.cards) {
      for (const a of card.assignees) people.add(a.username);
      for (const l of card.labels) if (!labels.has(l.name)) labels.set(l.name, l.color);
    }
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "base" });
  return {
    assignees: [...people].sort(byName),
    labels: [...labels].map(([name, color]) => ({ name, color })).sort((a, b) => byName(a.name, b.name)),
  };
}
