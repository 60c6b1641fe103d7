// The card's public JSON (REST, realtime events, the board page). One select, one mapper.
import type { Prisma } from "../db/client.ts";

export const CARD_SELECT = {
  id: true,
  number: true,
  title: true,
  description: true,
  columnId: true,
  position: true,
  priority: true,
  type: true,
  dueDate: true,
  estimateHours: true,
  storyPoints: true,
  version: true,
  rank: true,
  // The card's planned or active sprint (a card is in at most one; closed sprints keep their cards too).
  sprintCards: { where: { sprint: { status: { not: "closed" } } }, select: { sprintId: true }, take: 1 },
  createdAt: true,
  updatedAt: true,
  parent: { select: { number: true } },
  assignees: { select: { user: { select: { id: true, username: true } } } },
  labels: { select: { label: { select: { id: true, name: true, color: true } } } },
  links: { select: { id: true, type: true, url: true, ref: true, title: true, state: true } },
  _count: { select: { comments: { where: { deletedAt: null } } } },
} satisfies Prisma.CardSelect;

/** The board does not carry descriptions: they can be long and the board shows none. */
export const BOARD_CARD_SELECT = (({ description: _d, links: _l, ...rest }) => rest)(CARD_SELECT);

export type CardRow = Prisma.CardGetPayload<{ select: typeof BOARD_CARD_SELECT }> & {
  description?: string | null;
  links?: { id: number; type: string; url: string; ref: string; title: string | null; state: string | null }[];
  /** Checklist progress, shown on the board card as `done/total`. */
  checklist?: { done: number; total: number };
  /** The card's own live attachments (not its comments'), shown on the board card. */
  attachmentCount?: number;
};

export function cardJson(projectKey: string, c: CardRow) {
  return {
    id: c.id,
    key: `${projectKey}-${c.number}`,
    number: c.number,
    title: c.title,
    ...(c.description !== undefined ? { description: c.description } : {}),
    columnId: c.columnId,
    position: c.position,
    priority: c.priority,
    type: c.type,
    dueDate: c.dueDate ? c.dueDate.toISOString().slice(0, 10) : null,
    estimateHours: c.estimateHours,
    storyPoints: c.storyPoints,
    parentKey: c.parent ? `${projectKey}-${c.parent.number}` : null,
    version: c.version,
    /** Scrum: the backlog order, and the planned or active sprint the card is in (null: the backlog). */
    rank: c.rank,
    sprintId: c.sprintCards.length > 0 ? c.sprintCards[0].sprintId : null,
    assignees: c.assignees.map((a) => a.user),
    labels: c.labels.map((l) => l.label),
    ...(c.links !== undefined ? { links: c.links } : {}),
    commentCount: c._count.comments,
    ...(c.attachmentCount !== undefined ? { attachmentCount: c.attachmentCount } : {}),
    ...(c.checklist !== undefined ? { checklist: c.checklist } : {}),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type CardJson = ReturnType<typeof cardJson>;

/** `PRJ-42` or `42` to the number, if the prefix (when given) is the project's key. */
export function parseCardKey(projectKey: string, key: string): number | null {
  const m = /^(?:([A-Za-z][A-Za-z0-9]*)-)?(\d{1,9})$/.exec(key.trim());
  if (!m) return null;
  if (m[1] && m[1].toUpperCase() !== projectKey.toUpperCase()) return null;
  return Number(m[2]);
}
