// How long an online SQLite backup takes while another process writes (issue 22, item 7): the
// online backup API as `warmdesk backup` used it (better-sqlite3 `backup()`, 100 pages a step,
// restarted by every commit of another connection) against `VACUUM INTO` (one read transaction).
// Prints figures; no thresholds. `npx tsx bench/sqlite-backup.ts [--rows 200000] [--rate 107]`
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "200000" },
    rate: { type: "string", default: "107" },
    limit: { type: "string", default: "120" },
  },
});
const rows = Number(values.rows);
const rate = Number(values.rate);
const limitSeconds = Number(values.limit);
const dir = mkdtempSync(join(tmpdir(), "warmdesk-bench-backup-"));
const path = join(dir, "live.db");

const db = new Database(path);
db.pragma("journal_mode = WAL");
db.exec(
  "CREATE TABLE cards (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, description TEXT, created_at TEXT NOT NULL)",
);
const insert = db.prepare("INSERT INTO cards (title, description, created_at) VALUES (?, ?, ?)");
db.transaction(() => {
  for (let i = 0; i < rows; i++) insert.run(`card ${i}`, "x".repeat(200), new Date().toISOString());
})();
db.close();
console.log(
  `database: ${rows} rows, ${(statSync(path).size / 1024 / 1024).toFixed(1)} MB; writer: ${rate} creates/s in another process`,
);

// The writer: another process committing `rate` single-row transactions a second.
const writer = spawn(
  process.execPath,
  [
    "-e",
    `const D=require("better-sqlite3");const d=new D(${JSON.stringify(path)},{timeout:10000});d.pragma("synchronous=NORMAL");
     const s=d.prepare("INSERT INTO cards (title, description, created_at) VALUES (?, ?, ?)");let n=0;
     setInterval(()=>{s.run("live "+(n++),"y",new Date().toISOString())},${Math.max(1, Math.round(1000 / rate))});`,
  ],
  { stdio: "inherit", cwd: process.cwd() },
);

async function timed(name: string, fn: () => Promise<void>) {
  const started = performance.now();
  let finished = true;
  await Promise.race([
    fn(),
    new Promise<void>((r) =>
      setTimeout(() => {
        finished = false;
        r();
      }, limitSeconds * 1000),
    ),
  ]);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${name.padEnd(34)} ${finished ? `${seconds.toFixed(2)} s` : `did not finish in ${limitSeconds} s`}`);
}

await new Promise((r) => setTimeout(r, 500));
await timed("better-sqlite3 backup() (before)", async () => {
  const live = new Database(path, { readonly: true, timeout: 10_000 });
  try {
    await live.backup(join(dir, "a.db"));
  } finally {
    live.close();
  }
});
await timed("VACUUM INTO (now)", async () => {
  const live = new Database(path, { timeout: 10_000 });
  try {
    live.prepare("VACUUM INTO ?").run(join(dir, "b.db"));
  } finally {
    live.close();
  }
});
writer.kill();
const copy = new Database(join(dir, "b.db"), { readonly: true });
console.log(
  `VACUUM INTO copy: ${(copy.prepare("SELECT COUNT(*) AS n FROM cards").get() as { n: number }).n} rows, integrity ${copy.pragma("quick_check", { simple: true })}`,
);
copy.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
