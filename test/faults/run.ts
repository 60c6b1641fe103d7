// The whole fault-injection suite, by hand (it takes longer than CI's budget allows for):
//
//   npm run build && npx tsx test/faults/run.ts [--engines sqlite,postgresql,mysql] [--port 3420]
//
// For each engine: kill -9 of the sidecar and of the web process under load, a sidecar restart with
// a client offline across it, a database restart under load (PostgreSQL and MariaDB), and SIGTERM
// under load. PostgreSQL and MariaDB run as private servers in a temporary directory on ports of
// their own (--port + 30 and + 32), never the machine's shared ones, so that they can be restarted.
// Prints one line per fault with the time it took to recover; exits 1 if any check failed.
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  api,
  board,
  checkWrites,
  cleanUp,
  converge,
  follow,
  hasBuild,
  type Launched,
  launch,
  newProject,
  sleep,
  until,
  writers,
} from "./harness.ts";
import { killSidecar, killWeb, type Report, sidecarRestartOffline, sigterm } from "./scenarios.ts";

const { values: args } = parseArgs({
  options: { engines: { type: "string", default: "sqlite,postgresql,mysql" }, port: { type: "string", default: "3420" } },
});
const basePort = Number(args.port);
const PG_BIN = "/usr/lib/postgresql/15/bin";

/** A database server of our own that the suite may stop and start. */
type PrivateServer = { url: string; stop(): Promise<void>; start(): Promise<void>; destroy(): Promise<void> };

function waitPort(port: number, ms = 60_000) {
  const end = Date.now() + ms;
  return until(
    () =>
      new Promise<boolean>((resolve) => {
        import("node:net").then(({ connect }) => {
          const s = connect(port, "127.0.0.1");
          s.once("connect", () => {
            s.destroy();
            resolve(true);
          });
          s.once("error", () => resolve(false));
        });
      }),
    `port ${port}`,
    Math.max(1000, end - Date.now()),
  );
}

async function privatePostgres(port: number): Promise<PrivateServer> {
  const dir = mkdtempSync(join(tmpdir(), "warmdesk-faults-pg-"));
  chmodSync(dir, 0o777);
  const data = join(dir, "data");
  const asPostgres = (cmd: string[]) => {
    const r = spawnSync("runuser", ["-u", "postgres", "--", ...cmd], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd.join(" ")}: ${r.stderr}`);
  };
  asPostgres([`${PG_BIN}/initdb`, "-D", data, "-A", "trust", "-U", "postgres"]);
  const start = async () => {
    asPostgres([
      `${PG_BIN}/pg_ctl`,
      "-D",
      data,
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      "-l",
      join(dir, "log"),
      "-w",
      "start",
    ]);
    await waitPort(port);
  };
  await start();
  asPostgres([`${PG_BIN}/psql`, "-h", "127.0.0.1", "-p", String(port), "-c", "CREATE DATABASE warmdesk"]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/warmdesk`,
    async stop() {
      asPostgres([`${PG_BIN}/pg_ctl`, "-D", data, "-m", "fast", "-w", "stop"]);
    },
    start,
    async destroy() {
      try {
        asPostgres([`${PG_BIN}/pg_ctl`, "-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function privateMariadb(port: number): Promise<PrivateServer> {
  const dir = mkdtempSync(join(tmpdir(), "warmdesk-faults-my-"));
  const data = join(dir, "data");
  try {
    execFileSync(
      "mysql_install_db",
      ["--no-defaults", "--user=root", `--datadir=${data}`, "--auth-root-authentication-method=normal"],
      { stdio: "ignore" },
    );
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  let proc: ChildProcess | null = null;
  const start = async () => {
    proc = spawn(
      "mariadbd",
      [
        "--no-defaults",
        "--user=root",
        `--datadir=${data}`,
        `--port=${port}`,
        `--socket=${join(dir, "sock")}`,
        "--bind-address=127.0.0.1",
      ],
      { stdio: "ignore" },
    );
    await waitPort(port);
  };
  await start();
  execFileSync("mariadb", [
    "--no-defaults",
    "-uroot",
    "-h127.0.0.1",
    `-P${port}`,
    "-e",
    [
      "DELETE FROM mysql.global_priv WHERE User='';",
      "CREATE DATABASE warmdesk CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
      "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';",
      "GRANT ALL ON *.* TO 'root'@'127.0.0.1';",
      "FLUSH PRIVILEGES;",
    ].join(" "),
  ]);
  const stop = async () => {
    const p = proc;
    if (!p || p.exitCode !== null) return;
    const gone = new Promise((r) => p.once("exit", r));
    p.kill("SIGTERM");
    await gone;
  };
  return {
    url: `mysql://root@127.0.0.1:${port}/warmdesk`,
    stop,
    start,
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The database stops for 5 s under load and comes back: errors are clear, then everything works again. */
async function restartDatabase(app: Launched, db: PrivateServer): Promise<Report> {
  const project = await newProject(app, "Database restart");
  const f = follow(app, project);
  await until(() => f.isLive(), "follower live");
  const load = writers(app, project, 4, "d");
  await sleep(1500);
  await db.stop();
  const down = Date.now();
  await sleep(2000);
  const health = await api(app, "GET", "/api/health");
  await sleep(3000);
  await db.start();
  const up = Date.now();
  const okBefore = load.acknowledged.size;
  await until(() => load.acknowledged.size > okBefore, "a write to succeed again", 120_000);
  const recovered = Date.now() - up;
  await sleep(1500);
  await load.stop();
  await converge(app, project.slug, [f]);
  f.stop();
  checkWrites(await board(app, project.slug), load.acknowledged);
  const statuses = [...load.statuses.keys()];
  const bad = statuses.filter((s) => s !== 0 && s !== 201 && s !== 200 && s < 500);
  if (bad.length) throw new Error(`unexpected answers during the outage: ${bad}`);
  if (health.status !== 503) throw new Error(`/api/health answered ${health.status} while the database was down`);
  return {
    scenario: "database restart under load",
    recoveryMs: recovered,
    acknowledged: load.acknowledged.size,
    answers: [...load.statuses].map(([s, n]) => `${s}×${n}`).join(" "),
    notes: `down ${up - down} ms; /api/health ${health.status} meanwhile; writes succeeded again ${recovered} ms after it was back`,
  };
}

async function main() {
  if (!hasBuild()) throw new Error("no production build: run `npm run build` first");
  const engines = args.engines.split(",");
  const results: { engine: string; scenario: string; ok: boolean; line: string }[] = [];
  let port = basePort;
  for (const engine of engines) {
    let db: PrivateServer | null = null;
    try {
      if (engine === "postgresql") db = await privatePostgres(basePort + 30);
      if (engine === "mysql") db = await privateMariadb(basePort + 32);
    } catch (e) {
      results.push({ engine, scenario: "start a private server", ok: false, line: (e as Error).message });
      continue;
    }
    const scenarios: [string, (app: Launched) => Promise<Report>][] = [
      ["kill -9 sidecar", killSidecar],
      ["kill -9 web", killWeb],
      ["sidecar restart, client offline", sidecarRestartOffline],
      ...(db
        ? [
            ["database restart", (app: Launched) => restartDatabase(app, db as PrivateServer)] as [
              string,
              (app: Launched) => Promise<Report>,
            ],
          ]
        : []),
      ["SIGTERM", sigterm],
    ];
    const dataDir = mkdtempSync(join(tmpdir(), "warmdesk-faults-"));
    let app: Launched | null = null;
    try {
      app = await launch({ port, databaseUrl: db?.url, dataDir });
      for (const [name, run] of scenarios) {
        const t0 = Date.now();
        try {
          const r = await run(app);
          const line = `${engine}: ${r.scenario}: recovered in ${r.recoveryMs} ms; ${r.acknowledged} acknowledged writes; ${r.answers}; ${r.notes ?? ""}`;
          console.log(`ok   ${line}`);
          results.push({ engine, scenario: name, ok: true, line });
        } catch (e) {
          const line = `${engine}: ${name}: ${(e as Error).message} (after ${Date.now() - t0} ms)`;
          console.log(`FAIL ${line}`);
          results.push({ engine, scenario: name, ok: false, line });
          if (app.proc.exitCode !== null) app = await launch({ port, databaseUrl: db?.url, dataDir });
        }
      }
    } catch (e) {
      results.push({ engine, scenario: "launch", ok: false, line: (e as Error).message });
    } finally {
      if (app) {
        await app.stop("SIGKILL");
        cleanUp(app);
      }
      rmSync(dataDir, { recursive: true, force: true });
      await db?.destroy();
      port += 2;
    }
  }
  const failed = results.filter((r) => !r.ok);
  console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
  for (const f of failed) console.log(`  ${f.line}`);
  process.exit(failed.length ? 1 : 0);
}

if (!existsSync(PG_BIN)) console.warn(`${PG_BIN} not found: PostgreSQL restarts need Debian's postgresql package`);
await main();
