// Search at scale: seeds N cards and N chat messages (default 100,000 each, over 10 projects, words
// drawn from a fixed vocabulary with a skewed frequency) straight into a fresh database through the
// direct driver (the full-text triggers index them as they would a create), then measures the
// global search (lib/search/search.ts) in process: p50/p99 per query, for a system administrator
// (every project) and for a member of 3 of the 10 projects (access filtered in the SQL). Figures only.
//
//   npx tsx bench/search.ts [--engines sqlite,postgresql,mysql] [--rows 100000] [--repeat 30]
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Prisma as PrismaNs } from "../lib/db/client.ts";
import type { Engine } from "../lib/db/engine.ts";
import { engineBaseUrl } from "./instance.ts";

const require = createRequire(import.meta.url);
const { values: args } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite" },
    rows: { type: "string", default: "100000" },
    repeat: { type: "string", default: "30" },
  },
});
const ROWS = Number(args.rows);
const REPEAT = Number(args.repeat);
const PROJECTS = 10;
const CHUNK = 500;

// A deterministic vocabulary: 2,000 words; word i is drawn with a frequency ~ 1/(i+1) (Zipf-like),
// so "alpha0" is in many rows and "zulu1999" in very few.
const WORDS = Array.from({ length: 2000 }, (_, i) => `${["alpha", "bravo", "delta", "kilo", "oscar", "zulu"][i % 6]}${i}`);
let seed = 42;
// mulberry32: deterministic, and uniform enough that rare words do occur.
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const word = () => WORDS[Math.min(WORDS.length - 1, Math.floor(Math.exp(random() * Math.log(WORDS.length)) - 1))];
const text = (min: number, max: number) => Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, word).join(" ");

async function database(engine: Engine) {
  const dataDir = mkdtempSync(join(tmpdir(), "warmdesk-search-"));
  if (engine === "sqlite") return { url: `file:${join(dataDir, "s.db")}`, dataDir, drop: async () => {} };
  const base = engineBaseUrl(engine);
  if (!base) throw new Error(`no URL for ${engine}`);
  const name = `warmdesk_search_${randomBytes(4).toString("hex")}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  if (engine === "postgresql") {
    const pg = require("pg");
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(sql);
      await c.end();
    };
    await admin(`CREATE DATABASE ${name}`);
    return { url: url.toString(), dataDir, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const mariadb = require("mariadb");
  const u = new URL(base);
  const admin = async (sql: string) => {
    const c = await mariadb.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: u.username || "root" });
    await c.query(sql);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return { url: url.toString(), dataDir, drop: () => admin(`DROP DATABASE IF EXISTS ${name}`) };
}

async function benchEngine(engine: Engine) {
  const db = await database(engine);
  process.env.DATABASE_URL = db.url;
  process.env.DATA_DIR = db.dataDir;
  const { resetConfigForTests } = await import("../lib/config.ts");
  resetConfigForTests();
  const { migrate } = await import("../lib/db/migrate.ts");
  await migrate(db.url);
  const { setPublishSink } = await import("../lib/realtime/publish.ts");
  setPublishSink(async () => {});
  const { Prisma, getDb } = await import("../lib/db/client.ts");
  const { exec, transaction, closeDirect } = await import("../lib/db/direct.ts");
  const { createUser } = await import("../lib/users/users.ts");
  const { createProject } = await import("../lib/boards/projects.ts");
  const { getBoard } = await import("../lib/boards/board.ts");
  const { addMember } = await import("../lib/boards/members.ts");
  const { search } = await import("../lib/search/search.ts");
  const { STEP } = await import("../lib/ordering/positions.ts");

  const admin = await createUser({
    email: "s@bench.test",
    username: "searcher",
    password: "a long enough password",
    admin: true,
  });
  const adminActor = {
    userId: admin.id,
    username: "searcher",
    isAdmin: true,
    sessionId: 1,
    apiKeyProjectId: null,
    language: "en",
  };
  const member = await createUser({ email: "m@bench.test", username: "member", password: "a long enough password" });
  const memberActor = {
    userId: member.id,
    username: "member",
    isAdmin: false,
    sessionId: 2,
    apiKeyProjectId: null,
    language: "en",
  };
  const projects: { id: number; column: number }[] = [];
  for (let p = 0; p < PROJECTS; p++) {
    const project = await createProject(adminActor, { name: `Search ${p}`, key: `SR${String.fromCharCode(65 + p)}` });
    const board = await getBoard(adminActor, project.slug);
    projects.push({ id: project.id, column: board.columns[0].id });
    if (p < 3) await addMember(adminActor, project.slug, { username: "member", role: "member" });
  }
  const t0 = performance.now();
  const now = new Date();
  for (let start = 0; start < ROWS; start += CHUNK) {
    const cards: PrismaNs.Sql[] = [];
    const messages: PrismaNs.Sql[] = [];
    for (let i = start; i < Math.min(ROWS, start + CHUNK); i++) {
      const p = projects[i % PROJECTS];
      const n = Math.floor(i / PROJECTS) + 1;
      cards.push(
        Prisma.sql`(${now}, ${now}, ${p.column}, ${p.id}, ${text(3, 8)}, ${text(10, 30)}, ${STEP * n}, ${"medium"}, ${"task"}, 0, ${n}, 0, 1, ${n})`,
      );
      messages.push(Prisma.sql`(${now}, ${now}, ${p.id}, ${admin.id}, ${text(6, 20)})`);
    }
    await transaction(function* () {
      yield* exec(Prisma.sql`
        INSERT INTO cards (created_at, updated_at, column_id, project_id, title, description, position, priority, type,
          estimate_hours, number, story_points, version, backlog_rank) VALUES ${Prisma.join(cards)}`);
      yield* exec(
        Prisma.sql`INSERT INTO chat_messages (created_at, updated_at, project_id, user_id, body) VALUES ${Prisma.join(messages)}`,
      );
    });
  }
  for (const p of projects) {
    await transaction(function* () {
      yield* exec(Prisma.sql`UPDATE projects SET card_counter = ${Math.ceil(ROWS / PROJECTS)} WHERE id = ${p.id}`);
    });
  }
  console.log(`  ${engine}: seeded ${ROWS} cards and ${ROWS} messages in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const queries = [
    ["a common word", WORDS[0]],
    ["a mid-frequency word", WORDS[60]],
    ["a rare word", WORDS[1900]],
    ["two words", `${WORDS[1]} ${WORDS[7]}`],
    ["a card key", "SRA-4242"],
  ];
  const lines: string[] = [];
  for (const [who, actor] of [
    ["admin", adminActor],
    ["member of 3/10", memberActor],
  ] as const) {
    for (const [label, q] of queries) {
      await search(actor, q);
      const times: number[] = [];
      let found = 0;
      for (let i = 0; i < REPEAT; i++) {
        const t = performance.now();
        found = (await search(actor, q)).length;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))].toFixed(1);
      lines.push(`| ${engine} | ${who} | ${label} (\`${q}\`) | ${pct(0.5)} ms | ${pct(0.99)} ms | ${found} |`);
    }
  }
  await getDb().$disconnect();
  await closeDirect();
  await db.drop();
  rmSync(db.dataDir, { recursive: true, force: true });
  return lines;
}

const out = ["| engine | actor | query | p50 | p99 | results |", "| --- | --- | --- | ---: | ---: | ---: |"];
for (const engine of (args.engines ?? "sqlite").split(",") as Engine[]) {
  console.log(`${engine}: seeding …`);
  out.push(...(await benchEngine(engine)));
}
console.log(out.join("\n"));
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}; ${ROWS} cards + ${ROWS} messages, ${REPEAT} runs each`,
);
process.exit(0);
