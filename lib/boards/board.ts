import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb, Prisma } from "../db/client.ts";
import { rows, run } from "../db/direct.ts";
import { cardJson } from "./card-json.ts";
import { cardRows } from "./card-rows.ts";
import { PROJECT_SELECT, projectJson } from "./projects.ts";

/**
 * The whole board in a fixed number of queries, whatever its size: the project, its columns, and
 * all its live cards (see card-rows.ts) in (position, id) order, grouped by column in memory.
 * A scrum project's board is its active sprint: only that sprint's cards (none without one), and
 * the sprint in `project.activeSprint`.
 */
export async function getBoard(actor: Actor, slug: string) {
  const { project: ref, role } = await requireProject(actor, slug);
  const isScrum = ref.type === "scrum";
  const activeSprint = isScrum
    ? await getDb().sprint.findUnique({
        where: { activeProjectId: ref.id },
        select: { id: true, name: true, goal: true, startDate: true, endDate: true },
      })
    : null;
  const [project, { columns, cards }] = await Promise.all([
    getDb().project.findUniqueOrThrow({ where: { id: ref.id }, select: PROJECT_SELECT }),
    // The columns and cards on the driver (lib/db/direct.ts): one read of the whole board.
    run(function* () {
      const columns = (yield* rows<{
        id: unknown;
        name: string;
        position: unknown;
        wip_limit: unknown;
        color: string | null;
      }>(Prisma.sql`
          SELECT id, name, position, wip_limit, color FROM columns WHERE project_id = ${ref.id} ORDER BY position, id`)).map(
        (c) => ({ id: Number(c.id), name: c.name, position: Number(c.position), wipLimit: Number(c.wip_limit), color: c.color }),
      );
      const cards = isScrum && !activeSprint ? [] : yield* cardRows({ projectId: ref.id, sprintId: activeSprint?.id });
      return { columns, cards };
    }),
  ]);
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
