// Card rows for the board and for event payloads, read with plain SQL: two statements whatever
// the number of cards (cards with their counts; assignees, labels and links in one UNION). Prisma's nested selects cost
// about a millisecond of client-side work per statement and build an object per relation row; on a
// 5,000-card board and on every move that dominated the time. The rows have the shape of the
// Prisma payload for BOARD_CARD_SELECT, so `cardJson` stays the one mapper to the public JSON.
// The SQL is portable across SQLite, PostgreSQL and MySQL (placeholders come from Prisma.sql;
// `c.key`-style qualified names are identifiers even where the word is reserved).
import { type Db, Prisma, type Tx } from "../db/client.ts";
import { asDate as date, inPrisma, rows, type Step } from "../db/direct.ts";
import type { CardRow } from "./card-json.ts";

/** A project's live cards (with `sprintId`: only those of that sprint), or the given cards by id. */
type Scope = { projectId: number; sprintId?: number } | { cardIds: number[] };
type Link = { id: number; type: string; url: string; ref: string; title: string | null; state: string | null };

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/**
 * Live cards of a project (the board: no descriptions or links), or the given cards by id with
 * `detail` (description and git links too, as in the card's full JSON). A unit of work for
 * lib/db/direct.ts; `loadCardRows` runs it through Prisma (inside a Prisma transaction, say).
 */
export function* cardRows(scope: Scope, options: { detail?: boolean } = {}): Step<CardRow[]> {
  if ("cardIds" in scope && scope.cardIds.length === 0) return [];
  const detail = options.detail ?? false;
  const where =
    "projectId" in scope
      ? Prisma.sql`c.project_id = ${scope.projectId} AND c.deleted_at IS NULL${
          scope.sprintId === undefined
            ? Prisma.empty
            : Prisma.sql` AND c.id IN (SELECT sc.card_id FROM sprint_cards sc WHERE sc.sprint_id = ${scope.sprintId})`
        }`
      : Prisma.sql`c.id IN (${Prisma.join(scope.cardIds)})`;
  const cards = yield* rows(Prisma.sql`
      SELECT ${detail ? Prisma.sql`c.description,` : Prisma.empty} c.id, c.number, c.title, c.column_id, c.position, c.priority, c.type, c.due_date, c.estimate_hours,
        c.story_points, c.version, c.backlog_rank, c.created_at, c.updated_at, p.number AS parent_number,
        (SELECT MAX(sc.sprint_id) FROM sprint_cards sc JOIN sprints s ON s.id = sc.sprint_id
          WHERE sc.card_id = c.id AND s.status <> ${"closed"}) AS open_sprint_id,
        (SELECT COUNT(*) FROM card_comments cc WHERE cc.card_id = c.id AND cc.deleted_at IS NULL) AS comment_count,
        (SELECT COUNT(*) FROM attachments a WHERE a.owner_type = ${"card"} AND a.owner_id = c.id AND a.deleted_at IS NULL) AS attachment_count,
        (SELECT COUNT(*) FROM card_checklist_items ci WHERE ci.card_id = c.id) AS checklist_total,
        (SELECT COUNT(*) FROM card_checklist_items ci WHERE ci.card_id = c.id AND ci.done = ${true}) AS checklist_done
      FROM cards c LEFT JOIN cards p ON p.id = c.parent_card_id
      WHERE ${where}
      ORDER BY c.position, c.id`);
  // Assignees, labels and (with `detail`) git links in one statement: one round trip instead of
  // three on PostgreSQL and MySQL. Each branch has the same columns; `kind` tells them apart, and
  // the order within a kind is as before (assignees by username, labels by name, links by id).
  const related = yield* rows<{
    kind: string;
    card_id: unknown;
    id: unknown;
    name: string | null;
    color: string | null;
    url: string | null;
    ref: string | null;
    title: string | null;
    state: string | null;
  }>(Prisma.sql`
      SELECT 'a' AS kind, ca.card_id, u.id, u.username AS name, NULL AS color, NULL AS url, NULL AS ref, NULL AS title, NULL AS state
      FROM card_assignees ca JOIN cards c ON c.id = ca.card_id JOIN users u ON u.id = ca.user_id WHERE ${where}
      UNION ALL
      SELECT 'l' AS kind, cl.card_id, l.id, l.name, l.color, NULL, NULL, NULL, NULL
      FROM card_labels cl JOIN cards c ON c.id = cl.card_id JOIN labels l ON l.id = cl.label_id WHERE ${where}
      ${
        detail
          ? Prisma.sql`UNION ALL
      SELECT 'k' AS kind, k.card_id, k.id, k.type, NULL, k.url, k.ref, k.title, k.state
      FROM card_links k JOIN cards c ON c.id = k.card_id WHERE ${where}`
          : Prisma.empty
      }
      ORDER BY 1, 4, 3`);
  const assignees = related
    .filter((r) => r.kind === "a")
    .map((r) => ({ card_id: r.card_id, id: r.id, username: String(r.name) }));
  const labels = related
    .filter((r) => r.kind === "l")
    .map((r) => ({ card_id: r.card_id, id: r.id, name: String(r.name), color: String(r.color) }));
  const links = related
    .filter((r) => r.kind === "k")
    .sort((a, b) => num(a.id) - num(b.id))
    .map((r) => ({ card_id: r.card_id, id: r.id, type: r.name, url: r.url, ref: r.ref, title: r.title, state: r.state }));
  const linksByCard = new Map<number, Link[]>();
  for (const k of links) {
    const list = linksByCard.get(num(k.card_id)) ?? [];
    list.push({
      id: num(k.id),
      type: String(k.type),
      url: String(k.url),
      ref: String(k.ref),
      title: (k.title as string | null) ?? null,
      state: (k.state as string | null) ?? null,
    });
    linksByCard.set(num(k.card_id), list);
  }
  const assigneesByCard = new Map<number, { user: { id: number; username: string } }[]>();
  for (const a of assignees) {
    const list = assigneesByCard.get(num(a.card_id)) ?? [];
    list.push({ user: { id: num(a.id), username: a.username } });
    assigneesByCard.set(num(a.card_id), list);
  }
  const labelsByCard = new Map<number, { label: { id: number; name: string; color: string } }[]>();
  for (const l of labels) {
    const list = labelsByCard.get(num(l.card_id)) ?? [];
    list.push({ label: { id: num(l.id), name: l.name, color: l.color } });
    labelsByCard.set(num(l.card_id), list);
  }
  return cards.map((c) => {
    const id = num(c.id);
    return {
      id,
      number: num(c.number),
      title: String(c.title),
      columnId: num(c.column_id),
      position: num(c.position),
      priority: String(c.priority),
      type: String(c.type),
      dueDate: c.due_date === null ? null : date(c.due_date),
      estimateHours: num(c.estimate_hours),
      storyPoints: num(c.story_points),
      version: num(c.version),
      rank: num(c.backlog_rank),
      sprintCards: c.open_sprint_id === null ? [] : [{ sprintId: num(c.open_sprint_id) }],
      createdAt: date(c.created_at),
      updatedAt: date(c.updated_at),
      parent: c.parent_number === null ? null : { number: num(c.parent_number) },
      assignees: assigneesByCard.get(id) ?? [],
      labels: labelsByCard.get(id) ?? [],
      checklist: { done: num(c.checklist_done), total: num(c.checklist_total) },
      _count: { comments: num(c.comment_count) },
      attachmentCount: num(c.attachment_count),
      ...(detail ? { description: (c.description as string | null) ?? null, links: linksByCard.get(id) ?? [] } : {}),
    };
  });
}

/** `cardRows` through Prisma: within a Prisma transaction, it sees that transaction's writes. */
export function loadCardRows(db: Db | Tx, scope: Scope, options: { detail?: boolean } = {}): Promise<CardRow[]> {
  return inPrisma(db, () => cardRows(scope, options));
}
