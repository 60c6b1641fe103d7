// For screenshots of a lived-in burndown: moves what a sprint recorded so far (its start and its
// record of changes) one or more days into the past, directly in the server's database (DATA_DIR).
// Run: node --import tsx e2e/support/backdate-sprint.ts <sprintId> <days>
import { getDb } from "../../lib/db/client.ts";

const [sprintId, days] = process.argv.slice(2).map(Number);
const shift = days * 86_400_000;
const db = getDb();
const sprint = await db.sprint.findUniqueOrThrow({ where: { id: sprintId }, select: { startedAt: true } });
if (sprint.startedAt)
  await db.sprint.update({ where: { id: sprintId }, data: { startedAt: new Date(sprint.startedAt.getTime() - shift) } });
for (const row of await db.sprintChange.findMany({ where: { sprintId }, select: { id: true, createdAt: true } })) {
  await db.sprintChange.update({ where: { id: row.id }, data: { createdAt: new Date(row.createdAt.getTime() - shift) } });
}
process.exit(0);
