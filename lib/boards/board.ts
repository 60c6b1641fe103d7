import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";
import { cardJson } from "./card-json.ts";
import { loadCardRows } from "./card-rows.ts";
import { PROJECT_SELECT, projectJson } from "./projects.ts";

/**
 * The whole board in a fixed number of queries, whatever its size: the project, its columns, and
 * all its live cards (see card-rows.ts) in (position, id) order, grouped by column in memory.
 * A scrum project's board is its active sprint: only that sprint's cards (none without one), and
 * the sprint in `project.activeSprint`.
 */
export async function getBoard(actor: Actor, slug: string) {
  const { project: ref, role } = await requireProject(actor, slug);
  const db = getDb();
  const isScrum = ref.type === "scrum";
  const activeSprint = isScrum
    ? await db.sprint.findUnique({
        where: { activeProjectId: ref.id },
        select: { id: true, name: true, goal: true, startDate: true, endDate: true },
      })
    : null;
  const [project, columns, cards] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: ref.id }, select: PROJECT_SELECT }),
    db.column.findMany({
      where: { projectId: ref.id },
      select: { id: true, name: true, position: true, wipLimit: true, color: true },
      orderBy: [{ position: "asc" }, { id: "asc" }],
    }),
    isScrum && !activeSprint ? [] : loadCardRows(db, { projectId: ref.id, sprintId: activeSprint?.id }),
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
