// Seeds a large board straight into the database of an instance the bench started (creating
// 50,000 cards through the API would take minutes and measure creates, not loads). Multi-row
// INSERTs through the direct driver, in the same shape as a create writes them.

import { resetConfigForTests } from "../lib/config.ts";
import { Prisma } from "../lib/db/client.ts";
import { closeDirect, exec, transaction } from "../lib/db/direct.ts";
import { STEP } from "../lib/ordering/positions.ts";

const CHUNK = 500;

export async function seedCards(
  env: NodeJS.ProcessEnv,
  project: { id: number; columnIds: number[] },
  count: number,
): Promise<void> {
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  process.env.DATA_DIR = env.DATA_DIR;
  if (env.DATABASE_URL) process.env.DATABASE_URL = env.DATABASE_URL;
  else delete process.env.DATABASE_URL;
  resetConfigForTests();
  try {
    const now = new Date();
    const perColumn = new Map<number, number>();
    for (let start = 0; start < count; start += CHUNK) {
      const values: Prisma.Sql[] = [];
      for (let i = start; i < Math.min(count, start + CHUNK); i++) {
        const columnId = project.columnIds[i % project.columnIds.length];
        const n = (perColumn.get(columnId) ?? 0) + 1;
        perColumn.set(columnId, n);
        values.push(
          Prisma.sql`(${now}, ${now}, ${columnId}, ${project.id}, ${`Card ${i + 1}`}, ${STEP * n}, ${"medium"}, ${"task"}, 0, ${i + 1}, 0, 1, ${i + 1})`,
        );
      }
      await transaction(function* () {
        yield* exec(Prisma.sql`
          INSERT INTO cards (created_at, updated_at, column_id, project_id, title, position, priority, type,
            estimate_hours, number, story_points, version, backlog_rank)
          VALUES ${Prisma.join(values)}`);
      });
    }
    await transaction(function* () {
      yield* exec(Prisma.sql`UPDATE projects SET card_counter = ${count} WHERE id = ${project.id}`);
    });
  } finally {
    await closeDirect();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetConfigForTests();
  }
}
