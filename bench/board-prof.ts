// One board load split into its parts, in process (SQLite, a fresh database): the cards' SELECT
// alone, cardRows (sub-selects and relations), getBoard (mapping and grouping), JSON.stringify.
// CPU and wall ms per call. Figures only.
//
//   npx tsx bench/board-prof.ts [cards, default 5000]
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "wd-board-"));
process.env.DATA_DIR = dir;
process.env.DATABASE_URL = `file:${join(dir, "b.db")}`;
const { resetConfigForTests } = await import("../lib/config.ts");
resetConfigForTests();
const { migrate } = await import("../lib/db/migrate.ts");
await migrate(process.env.DATABASE_URL);
const { setPublishSink } = await import("../lib/realtime/publish.ts");
setPublishSink(async () => {});
const { createUser } = await import("../lib/users/users.ts");
const { createProject } = await import("../lib/boards/projects.ts");
const { createColumn } = await import("../lib/boards/columns.ts");
const { getBoard } = await import("../lib/boards/board.ts");
const { seedCards } = await import("../bench/seed.ts");
const { run, rows } = await import("../lib/db/direct.ts");
const { cardRows } = await import("../lib/boards/card-rows.ts");
const u = await createUser({ email: "b@b.test", username: "bench", password: "a long enough password", admin: true });
const actor = { userId: u.id, username: "b", isAdmin: true, sessionId: 1, apiKeyProjectId: null, language: "en" };
const p = await createProject(actor, { name: "Bench", key: "BEN" });
for (let i = (await getBoard(actor, p.slug)).columns.length; i < 20; i++) await createColumn(actor, p.slug, { name: `C${i}` });
const cols = (await getBoard(actor, p.slug)).columns.map((c: { id: number }) => c.id);
const N = Number(process.argv[2] ?? 5000);
await seedCards(process.env, { id: p.id, columnIds: cols }, N);
resetConfigForTests();
const t = async (label: string, f: () => Promise<unknown>, n = 10) => {
  await f();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let r: unknown;
  for (let i = 0; i < n; i++) r = await f();
  const c = process.cpuUsage(c0);
  console.log(
    `${label}: wall ${((performance.now() - t0) / n).toFixed(1)} ms, cpu ${((c.user + c.system) / 1000 / n).toFixed(1)} ms`,
  );
  return r;
};
await t("cardRows", () => run(() => cardRows({ projectId: p.id })));
const { Prisma } = await import("../lib/db/client.ts");
await t("cards SELECT only", () =>
  run(() =>
    rows(
      Prisma.sql`SELECT c.id, c.number, c.title, c.column_id, c.position, c.priority, c.type, c.due_date, c.estimate_hours, c.story_points, c.version, c.backlog_rank, c.created_at, c.updated_at FROM cards c WHERE c.project_id = ${p.id} AND c.deleted_at IS NULL ORDER BY c.position, c.id`,
    ),
  ),
);
const b = await t("getBoard", () => getBoard(actor, p.slug));
await t("JSON.stringify", async () => JSON.stringify(b));
console.log(
  "bytes",
  JSON.stringify(b).length,
  "load",
  (await import("node:os"))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" "),
);
process.exit(0);
