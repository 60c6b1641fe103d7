// Position maths of every ordered list (cards in a column, columns, the backlog, checklist items):
// pure functions, no database, so the browser computes the same estimate the server will store.
// A new item goes to the midpoint of its neighbours, or a step beyond the last/first. When the gap
// gets too small to halve, the server renumbers the list (STEP, 2·STEP, …) in the same transaction
// (lib/ordering/place.ts). Lists are ordered by (position, id).

export const STEP = 1024;
/** Below this gap a midpoint would lose precision within a few more halvings. */
export const MIN_GAP = 1e-6;

/** The position between two neighbours (null = no neighbour on that side), or null if there is no room. */
export function positionBetween(before: number | null, after: number | null): number | null {
  if (before === null && after === null) return STEP;
  if (before === null) return (after as number) - STEP;
  if (after === null) return before + STEP;
  if (after - before < MIN_GAP) return null;
  return before + (after - before) / 2;
}

/**
 * The browser's estimate until the server answers: the same position, or the plain midpoint where
 * the server would renumber (the server's answer then replaces it).
 */
export function estimatePosition(before: number | null, after: number | null): number {
  return positionBetween(before, after) ?? (before as number) + ((after as number) - (before as number)) / 2;
}

/** Ordering of list items: by position, then id (equal positions still sort the same way). */
export const byPosition = (a: { position: number; id: number }, b: { position: number; id: number }) =>
  a.position - b.position || a.id - b.id;
