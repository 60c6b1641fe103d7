import { z } from "zod";
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { currentEngine, getDb } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { positionBetween, renumber } from "./positions.ts";

export const ZCreateColumn = z.object({
  name: z.string().trim().min(1).max(191),
  wipLimit: z.number().int().min(0).max(10_000).default(0),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullish(),
  /** Insert after this column; omitted: at the end. `0`: at the start. */
  afterColumnId: z.number().int().min(0).max(2_147_483_647).nullish(),
});

const COLUMN_SELECT = { id: true, name: true, position: true, wipLimit: true, color: true } as const;

export async function createColumn(actor: Actor, slug: string, input: z.input<typeof ZCreateColumn>) {
  const data = parseInput(ZCreateColumn, input);
  const { project } = await requireProject(actor, slug, "member");
  const engine = currentEngine();
  const column = await getDb().$transaction(async (tx) => {
    const neighbours = async () => {
      if (data.afterColumnId === 0) {
        const first = await tx.column.findFirst({
          where: { projectId: project.id },
          orderBy: [{ position: "asc" }, { id: "asc" }],
          select: { position: true },
        });
        return [null, first?.position ?? null] as const;
      }
      if (data.afterColumnId) {
        const after = await tx.column.findFirst({
          where: { id: data.afterColumnId, projectId: project.id },
          select: { id: true, position: true },
        });
        if (!after)
          throw new AppError("validation", "Unknown column", {
            fields: [{ path: "afterColumnId", message: "not a column of this project" }],
          });
        const next = await tx.column.findFirst({
          where: {
            projectId: project.id,
            OR: [{ position: { gt: after.position } }, { position: after.position, id: { gt: after.id } }],
          },
          orderBy: [{ position: "asc" }, { id: "asc" }],
          select: { position: true },
        });
        return [after.position, next?.position ?? null] as const;
      }
      const last = await tx.column.findFirst({
        where: { projectId: project.id },
        orderBy: [{ position: "desc" }, { id: "desc" }],
        select: { position: true },
      });
      return [last?.position ?? null, null] as const;
    };
    let [before, after] = await neighbours();
    let position = positionBetween(before, after);
    if (position === null) {
      await renumber(tx, engine, "columns", project.id);
      [before, after] = await neighbours();
      position = positionBetween(before, after) as number;
    }
    return tx.column.create({
      data: { projectId: project.id, name: data.name, wipLimit: data.wipLimit, color: data.color ?? null, position },
      select: COLUMN_SELECT,
    });
  });
  const json = { ...column, cards: [] };
  publish([{ room: projectRoom(project.id), type: "column.created", data: json }]);
  return json;
}
