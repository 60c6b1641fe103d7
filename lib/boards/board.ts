import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { Prisma } from "../db/client.ts";
import { asDate, rows, run } from "../db/direct.ts";
import { notFound } from "../errors.ts";
import { cardJson } from "./card-json.ts";
import { cardRows } from "./card-rows.ts";
import { type ProjectRow, projectJson } from "./projects.ts";

/**
 * The whole board in a fixed number of queries, whatever its size: the project, its columns, and
 * all its live cards (see card-rows.ts) in (position, id) order, grouped by column in memory.
 * A scrum project's board is its active sprint: only that sprint's cards (none without one), and
 * the sprint in `project.activeSprint`.
 */
export async function getBoard(actor: Actor, slug: string) {
  const { project: ref, role } = await requireProject(actor, slug);
  const isScrum = ref.type === "scrum";
  // The project, its active sprint, columns and cards in one unit on the driver (lib/db/direct.ts):
  // Prisma's two reads here cost more CPU than the SQL itself (docs/performance.md).
  const { project, activeSprint, columns, cards } = await run(function* () {
    const [p] = yield* rows<Record<string, unknown>>(Prisma.sql`
      SELECT p.id, p.name, p.slug, p.key, p.description, p.type, p.color, p.is_archived, p.card_counter, p.created_at, p.billable_default,
        c.id AS customer_id, c.name AS customer_name, c.slug AS customer_slug
      FROM projects p LEFT JOIN customers c ON c.id = p.customer_id WHERE p.id = ${ref.id}`);
    if (!p) throw notFound("Project not found");
    const [s] = isScrum
      ? yield* rows<Record<string, unknown>>(Prisma.sql`
          SELECT id, name, goal, start_date, end_date FROM sprints WHERE active_project_id = ${ref.id}`)
      : [];
    const columns = (yield* rows<{
      id: unknown;
      name: string;
      position: unknown;
      wip_limit: unknown;
      color: string | null;
    }>(Prisma.sql`
        SELECT id, name, position, wip_limit, color FROM columns WHERE project_id = ${ref.id} ORDER BY position, id`)).map(
      (c) => ({
        id: Number(c.id),
        name: c.name,
        position: Number(c.position),
        wipLimit: Number(c.wip_limit),
        color: c.color,
      }),
    );
    const cards = isScrum && !s ? [] : yield* cardRows({ projectId: ref.id, sprintId: s ? Number(s.id) : undefined });
    const project: ProjectRow = {
      id: Number(p.id),
      name: String(p.name),
      slug: String(p.slug),
      key: String(p.key),
      description: (p.description as string | null) ?? null,
      type: String(p.type),
      color: (p.color as string | null) ?? null,
      isArchived: Boolean(Number(p.is_archived)),
      cardCounter: Number(p.card_counter),
      createdAt: asDate(p.created_at),
      billableDefault: Boolean(Number(p.billable_default)),
      customer:
        p.customer_id === null
          ? null
          : { id: Number(p.customer_id), name: String(p.customer_name), slug: String(p.customer_slug) },
    };
    const activeSprint = s
      ? {
          id: Number(s.id),
          name: String(s.name),
          goal: (s.goal as string | null) ?? null,
          startDate: s.start_date === null ? null : asDate(s.start_date),
          endDate: s.end_date === null ? null : asDate(s.end_date),
        }
      : null;
    return { project, activeSprint, columns, cards };
  });
  const byColumn = new Map(columns.map((c) => [c.id, [] as ReturnType<typeof cardJson>[]]));
  for (const card of cards) byColumn.get(card.columnId)?.push(cardJson(ref.key, card));
  return {
    project: {
      ...projectJson(project),
      role,
      activeSprint: activeSprint
        ? {
            ...activeSprint,
            startDate: activeSprint.startDate?.toISOString().slice(0, 10) ?? null,
            endDate: activeSprint.endDate?.toISOString().slice(0, 10) ?? null,
          }
        : null,
    },
    columns: columns.map((c) => ({ ...c, cards: byColumn.get(c.id) ?? [] })),
  };
}
export type Board = Awaited<ReturnType<typeof getBoard>>;
