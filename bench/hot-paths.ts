// The hot paths in process, one request at a time, without Next or the network: what the domain
// and the route wrapper cost per request (CPU µs, wall µs) and how many statements each sends to
// the database (round trips on PostgreSQL and MySQL, counted at the drivers: pg's Client.query,
// mariadb's command queue, better-sqlite3's statement calls). The difference to the web process's
// CPU per request in `npm run bench` is Next's and HTTP's share. Figures only.
//
//   npx tsx bench/hot-paths.ts [--engines sqlite,postgresql,mysql] [--cards 1000] [--repeat 300]
//
// PostgreSQL and MySQL come from BENCH_*_URL or TEST_*_URL (a fresh database each, dropped after).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Engine } from "../lib/db/engine.ts";
import { engineBaseUrl } from "./instance.ts";

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, "..");

const { values: args } = parseArgs({
  options: {
    engines: { type: "string" },
    cards: { type: "string", default: "1000" },
    repeat: { type: "string", default: "300" },
    // Without the sidecar's feed nothing is cached; by default the process caches as a web process
    // with its feed connected does (its own writes invalidate; lib/cache/invalidation.ts).
    "no-cache": { type: "boolean", default: false },
  },
});
const CARDS = Number(args.cards);
const REPEAT = Number(args.repeat);

// --- statement counting at the drivers ------------------------------------------------------------
let statements = 0;
async function countStatements() {
  const pg = require("pg");
  const pgQuery = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
    statements++;
    return pgQuery.apply(this, a);
  };
  // Every command a mariadb connection sends goes through one of these (picked per connection state).
  const { default: Connection } = await import(pathToFileURL(join(root, "node_modules/mariadb/lib/connection.js")).href);
  for (const m of ["addCommandQueue", "addCommandEnable", "addCommandEnablePipeline"]) {
    const original = Connection.prototype[m];
    Connection.prototype[m] = function (this: unknown, ...a: unknown[]) {
      statements++;
      return original.apply(this, a);
    };
  }
  const Database = require("better-sqlite3");
  const probe = new Database(":memory:");
  const Statement = Object.getPrototypeOf(probe.prepare("SELECT 1"));
  for (const m of ["run", "all", "get", "iterate"]) {
    const original = Statement[m];
    Statement[m] = function (this: unknown, ...a: unknown[]) {
      statements++;
      return original.apply(this, a);
    };
  }
  probe.close();
}
await countStatements();

type Result = { op: string; cpuUs: number; wallUs: number; statements: number };

async function measure(op: string, n: number, body: (i: number) => Promise<unknown>): Promise<Result> {
  for (let i = 0; i < Math.min(20, n); i++) await body(i); // warm-up
  const s0 = statements;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await body(i + 20);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { op, cpuUs: (cpu.user + cpu.system) / n, wallUs: (wall * 1000) / n, statements: (statements - s0) / n };
}

async function createDatabase(engine: Engine): Promise<{ url: string; drop: () => Promise<void>; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "warmdesk-hot-"));
  if (engine === "sqlite") {
    return {
      url: `file:${join(dataDir, "hot.db")}`,
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const base = engineBaseUrl(engine);
  if (!base) throw new Error(`no URL for ${engine}`);
  const name = `warmdesk_hot_${randomBytes(4).toString("hex")}`;
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

async function benchEngine(engine: Engine): Promise<Result[]> {
  const database = await createDatabase(engine);
  process.env.DATABASE_URL = database.url;
  process.env.DATA_DIR = database.dataDir;
  const { resetConfigForTests } = await import("../lib/config.ts");
  resetConfigForTests();
  const { migrate } = await import("../lib/db/migrate.ts");
  await migrate(database.url);
  const { getDb } = await import("../lib/db/client.ts");
  const { closeDirect } = await import("../lib/db/direct.ts");
  const { setPublishSink } = await import("../lib/realtime/publish.ts");
  setPublishSink(async () => {});
  const { createUser } = await import("../lib/users/users.ts");
  const { createApiKey, actorForApiKey } = await import("../lib/auth/api-keys.ts");
  const { createSession } = await import("../lib/auth/sessions.ts");
  const { authenticate, nextAuthSecret } = await import("../lib/auth/request.ts");
  const { encode } = await import("next-auth/jwt");
  const { enforceApiRateLimit } = await import("../lib/auth/api-rate-limit.ts");
  const { requireProject } = await import("../lib/auth/access.ts");
  const { getSetting, updateSettings } = await import("../lib/settings/settings.ts");
  const { createProject } = await import("../lib/boards/projects.ts");
  const { createColumn } = await import("../lib/boards/columns.ts");
  const { createCard } = await import("../lib/boards/cards.ts");
  const { moveCard } = await import("../lib/boards/move-card.ts");
  const { getBoard } = await import("../lib/boards/board.ts");
  const moveRoute = await import("../app/api/v1/projects/[slug]/cards/[key]/move/route.ts");
  const cardsRoute = await import("../app/api/v1/projects/[slug]/cards/route.ts");

  const user = await createUser({ email: "hot@bench.test", username: "hot", password: "a long enough password", admin: true });
  const { key } = await createApiKey({ userId: user.id });
  const actor = await actorForApiKey(key);
  if (!actor) throw new Error("key did not authenticate");
  await updateSettings({ ...actor, sessionId: 1 }, { api_rate_limit_per_minute: 1_000_000 });
  const { token } = await createSession(user.id);
  const cookie = `next-auth.session-token=${await encode({ token: { sid: token }, secret: nextAuthSecret() })}`;
  const project = await createProject(actor, { name: "Hot", key: "HOT" });
  const board0 = await getBoard(actor, project.slug);
  for (let i = board0.columns.length; i < 20; i++) await createColumn(actor, project.slug, { name: `C${i}` });
  const columns = (await getBoard(actor, project.slug)).columns.map((c) => c.id);
  for (let i = 0; i < CARDS; i++) await createCard(actor, project.slug, { title: `Card ${i}`, columnId: columns[i % 20] });

  const keyHeaders = new Headers({ authorization: `Bearer ${key}` });
  const cookieHeaders = new Headers({ cookie });
  const pick = (i: number) => `HOT-${1 + ((i * 7919) % CARDS)}`;
  const neighbours = async (i: number) => {
    const board = await getBoard(actor, project.slug);
    const col = board.columns[i % 20].cards;
    return { columnId: board.columns[i % 20].id, afterKey: col[1]?.key, beforeKey: col[2]?.key };
  };
  const placements = await Promise.all(Array.from({ length: 10 }, (_, i) => neighbours(i)));
  const request = (path: string, headers: Record<string, string>, body: unknown) =>
    new Request(`http://127.0.0.1:3000${path}`, {
      method: "POST",
      // As a browser's fetch from the app's own page (the CSRF check of cookie requests).
      headers: { ...headers, "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: JSON.stringify(body),
    });

  if (!args["no-cache"]) (await import("../lib/cache/invalidation.ts")).cacheLocallyForBench();
  let refused = 0;
  const results: Result[] = [];
  results.push(await measure("getSetting", REPEAT, () => getSetting("session_idle_minutes")));
  results.push(await measure("authenticate (API key)", REPEAT, () => authenticate(keyHeaders)));
  results.push(await measure("authenticate (session cookie)", REPEAT, () => authenticate(cookieHeaders)));
  results.push(await measure("enforceApiRateLimit", REPEAT, () => enforceApiRateLimit(actor.apiKeyId as number)));
  results.push(await measure("requireProject", REPEAT, () => requireProject(actor, project.slug, "member")));
  results.push(
    await measure("moveCard, to a column end", REPEAT, (i) =>
      moveCard(actor, project.slug, pick(i), { columnId: columns[i % 20] }),
    ),
  );
  results.push(
    await measure("moveCard, between neighbours", REPEAT, async (i) => {
      const p = placements[i % placements.length];
      const k = pick(i + 1);
      if (k === p.afterKey || k === p.beforeKey) return;
      await moveCard(actor, project.slug, k, p).catch(() => undefined);
      placements[i % placements.length] = await neighbours(i % placements.length);
    }),
  );
  results[results.length - 1].op += " (+ a board read to find them)";
  results.push(
    await measure("createCard", REPEAT, (i) => createCard(actor, project.slug, { title: `New ${i}`, columnId: columns[i % 20] })),
  );
  results.push(
    await measure(`getBoard (${CARDS}+ cards)`, Math.max(10, Math.floor(REPEAT / 20)), () => getBoard(actor, project.slug)),
  );
  const params = (k: string) => ({ params: Promise.resolve({ slug: project.slug, key: k }) });
  for (const [label, headers] of [
    ["API key", { authorization: `Bearer ${key}` }],
    ["session", { cookie }],
  ] as const) {
    results.push(
      await measure(`POST …/move route (${label})`, REPEAT, async (i) => {
        const res = await moveRoute.POST(request("/move", headers, { columnId: columns[(i + 3) % 20] }), params(pick(i)));
        if (res.status >= 300) refused++;
        await res.text();
      }),
    );
    results.push(
      await measure(`POST …/cards route (${label})`, REPEAT, async (i) => {
        const res = await cardsRoute.POST(request("/cards", headers, { title: `R ${i}`, columnId: columns[i % 20] }), {
          params: Promise.resolve({ slug: project.slug }),
        });
        if (res.status >= 300) refused++;
        await res.text();
      }),
    );
  }
  if (refused) console.log(`  ${engine}: ${refused} route calls were refused (status ≥ 300): their rows are not comparable`);
  // Concurrent writers (group commit on SQLite): 50 loops of moves and 25 of creates for 5 s each.
  for (const [label, workers, body] of [
    ["moveCard, 50 concurrent", 50, (i: number) => moveCard(actor, project.slug, pick(i), { columnId: columns[i % 20] })],
    [
      "createCard, 25 concurrent",
      25,
      (i: number) => createCard(actor, project.slug, { title: `C ${i}`, columnId: columns[i % 20] }),
    ],
  ] as const) {
    const s0 = statements;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const latencies: number[] = [];
    let n = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        while (performance.now() - t0 < 5000) {
          const i = n++ * 31 + w;
          const t = performance.now();
          await body(i).catch(() => failed++);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    latencies.sort((a, b) => a - b);
    console.log(
      `  ${engine}: ${label}: ${(latencies.length / seconds).toFixed(0)}/s, p50 ${latencies[Math.floor(latencies.length / 2)].toFixed(1)} ms, p99 ${latencies[Math.floor(latencies.length * 0.99)].toFixed(1)} ms${failed ? `, ${failed} failed` : ""}`,
    );
    results.push({
      op: label,
      cpuUs: (cpu.user + cpu.system) / latencies.length,
      wallUs: (seconds * 1e6) / latencies.length,
      statements: (statements - s0) / latencies.length,
    });
  }
  await getDb().$disconnect();
  await closeDirect();
  await database.drop();
  rmSync(database.dataDir, { recursive: true, force: true });
  return results;
}

async function main() {
  const engines = (args.engines?.split(",") ?? [
    "sqlite",
    ...(engineBaseUrl("postgresql") ? ["postgresql"] : []),
    ...(engineBaseUrl("mysql") ? ["mysql"] : []),
  ]) as Engine[];
  const all = new Map<Engine, Result[]>();
  for (const engine of engines) {
    console.log(`${engine}: seeding ${CARDS} cards, then ${REPEAT} calls per path …`);
    all.set(engine, await benchEngine(engine));
  }
  const ops = all.get(engines[0])?.map((r) => r.op) ?? [];
  const header = ["path (one at a time)", ...engines.flatMap((e) => [`${e} CPU µs`, `${e} wall µs`, `${e} stmts`])];
  const lines = [header, header.map(() => "---")];
  for (const [i, op] of ops.entries()) {
    lines.push([
      op,
      ...engines.flatMap((e) => {
        const r = all.get(e)?.[i];
        return r ? [r.cpuUs.toFixed(0), r.wallUs.toFixed(0), r.statements.toFixed(1)] : ["", "", ""];
      }),
    ]);
  }
  console.log(lines.map((l) => `| ${l.join(" | ")} |`).join("\n"));
  console.log(
    `load average ${(await import("node:os"))
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}`,
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
