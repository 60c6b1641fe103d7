// A WarmDesk started by the bench: `npm start`'s launcher (which builds first when the build is
// stale) on a fresh data directory and, for PostgreSQL and MySQL, a fresh database that is dropped
// again when the instance stops. Ports come from the bench's range; nothing else is touched.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Engine } from "../lib/db/engine.ts";

const ownRoot = join(import.meta.dirname, "..");

export type Instance = {
  engine: Engine;
  /** The checkout that runs. */
  root: string;
  base: string;
  env: NodeJS.ProcessEnv;
  email: string;
  password: string;
  pids: { web: number; realtime: number };
  stop(): Promise<void>;
};

/** The base URL of PostgreSQL or MySQL for the bench, from BENCH_* or TEST_* variables. */
export function engineBaseUrl(engine: Engine, env = process.env): string | null {
  if (engine === "postgresql") return env.BENCH_POSTGRES_URL ?? env.TEST_POSTGRES_URL ?? null;
  if (engine === "mysql") return env.BENCH_MYSQL_URL ?? env.TEST_MYSQL_URL ?? null;
  return null;
}

async function createDatabase(engine: Engine, baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `warmdesk_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  if (engine === "postgresql") {
    const { default: pg } = await import("pg");
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE ${name}`);
    return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const mariadb = await import("mariadb");
  const u = new URL(baseUrl.replace(/^mariadb:/, "mysql:"));
  const admin = async (sql: string) => {
    const conn = await mariadb.createConnection({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username || "root"),
      password: decodeURIComponent(u.password),
      allowPublicKeyRetrieval: true,
    });
    try {
      await conn.query(sql);
    } finally {
      await conn.end();
    }
  };
  await admin(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name}`) };
}

/** The process and its descendants (Next may run its server in a child). */
function tree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  const out: number[] = [];
  const visit = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return out;
}

/** RSS of a process and its descendants, in MB. */
export function treeRssMb(pid: number): number {
  let kb = 0;
  for (const p of tree(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // Gone meanwhile.
    }
  }
  return kb / 1024;
}

/** Ends the current CPU profile of every process of the instance (see cpu-profile.cjs), named `phase`. */
export async function cutProfiles(dir: string, pids: number[], phase: string): Promise<void> {
  writeFileSync(join(dir, "phase"), phase);
  for (const root of pids) {
    for (const p of tree(root)) {
      try {
        process.kill(p, "SIGUSR2");
      } catch {
        // Gone meanwhile.
      }
    }
  }
  await new Promise((r) => setTimeout(r, 1500));
}

/** CPU time (user + system) of a process and its descendants, in ms: robust where wall time is not. */
export function treeCpuMs(pid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux.
  let ticks = 0;
  for (const p of tree(pid)) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone meanwhile.
    }
  }
  return ticks * tick;
}

export async function startInstance(
  engine: Engine,
  options: { root?: string | null; port: number; cpuProf: string | null; build?: boolean; log: (line: string) => void },
): Promise<Instance> {
  const root = options.root ?? ownRoot;
  const dataDir = mkdtempSync(join(tmpdir(), `warmdesk-bench-${engine}-`));
  let database: { url: string; drop: () => Promise<void> } | null = null;
  if (engine !== "sqlite") {
    const base = engineBaseUrl(engine);
    if (!base) throw new Error(`no URL for ${engine}: set BENCH_${engine === "mysql" ? "MYSQL" : "POSTGRES"}_URL`);
    database = await createDatabase(engine, base);
  }
  const port = options.port;
  const base = `http://127.0.0.1:${port}`;
  const email = "bench@bench.test";
  const password = randomBytes(12).toString("base64url");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? tmpdir(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    REALTIME_PORT: String(port + 50),
    NEXTAUTH_URL: base,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    WARMDESK_ADMIN_EMAIL: email,
    WARMDESK_ADMIN_PASSWORD: password,
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL } : {}),
    ...(options.build === false ? { WARMDESK_SKIP_BUILD: "1" } : {}),
    ...(process.env.SQLITE_SYNCHRONOUS ? { SQLITE_SYNCHRONOUS: process.env.SQLITE_SYNCHRONOUS } : {}),
    ...(options.cpuProf
      ? { NODE_OPTIONS: `--require ${join(ownRoot, "bench/cpu-profile.cjs")}`, BENCH_CPU_PROF_DIR: options.cpuProf }
      : {}),
  };
  const launcher: ChildProcess = spawn(process.execPath, [join(root, "server/launcher.mjs")], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const pids = await new Promise<{ web: number; realtime: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${engine}: not ready after 20 minutes`)), 20 * 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      for (const line of text.split("\n")) if (/building|failed|error/i.test(line)) options.log(`  ${line.trim()}`);
      const m = /pids: (?:launcher \d+, )?web (\d+), realtime (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ web: Number(m[1]), realtime: Number(m[2]) });
      }
    };
    launcher.stdout?.on("data", onData);
    launcher.stderr?.on("data", onData);
    launcher.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${engine}: WarmDesk stopped before it was ready (exit ${code}):\n${output.slice(-2000)}`));
    });
  });
  launcher.removeAllListeners("exit");
  // Keep reading its output (a full pipe would block it); unexpected errors are shown.
  launcher.stdout?.removeAllListeners("data");
  launcher.stderr?.removeAllListeners("data");
  launcher.stdout?.on("data", () => undefined);
  launcher.stderr?.on("data", (chunk: Buffer) => {
    const text = chunk.toString().trim();
    if (text && !/ExperimentalWarning/.test(text)) options.log(`  [${engine} stderr] ${text.slice(0, 500)}`);
  });
  const stop = async () => {
    if (launcher.exitCode === null && launcher.signalCode === null) {
      const exited = new Promise<void>((r) => launcher.once("exit", () => r()));
      launcher.kill("SIGTERM");
      const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 15_000));
      if ((await Promise.race([exited, timeout])) === "timeout" && launcher.pid) {
        try {
          process.kill(-launcher.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }
    await database?.drop().catch((e: Error) => options.log(`  could not drop the bench database: ${e.message}`));
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { engine, root, base, env, email, password, pids, stop };
}

/** A new API key for the instance's admin, made with the CLI in the instance's environment. */
export function createKeyWithCli(instance: Pick<Instance, "env" | "email" | "root">): string {
  const root = instance.root;
  const bin = join(root, "bin/warmdesk.mjs");
  return execFileSync(process.execPath, [bin, "create-api-key", "--user", instance.email, "--name", "bench"], {
    env: instance.env,
    cwd: root,
    encoding: "utf8",
  }).trim();
}
