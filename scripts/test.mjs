// `npm test`: the whole suite, in order, stopping at the first failure:
//   typecheck (tsc) → lint (biome) → unit + integration (vitest) → production build → process faults
//   (vitest.faults.config.ts: test/faults against the build) → e2e (playwright).
// Databases: SQLite always; PostgreSQL / MySQL / Redis when TEST_POSTGRES_URL / TEST_MYSQL_URL /
// TEST_REDIS_URL are set. E2E needs Debian's Chromium (/usr/bin/chromium): without it the e2e step
// is skipped on a developer's machine and fails in CI (CI=true).
// The last line is always `N passed, N failed` (test cases from vitest and playwright; a failed
// step that has no test cases of its own, such as the typecheck, counts as one failure).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const resultsDir = join(root, "tmp", "test-results");
const CHROMIUM = "/usr/bin/chromium";
const inCI = process.env.CI === "true" || process.env.CI === "1";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

/** @type {{ name: string, status: "passed" | "failed" | "skipped", seconds?: number, note?: string }[]} */
const steps = [];
let passed = 0;
let failed = 0;

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function banner(text) {
  console.log(`\n━━━ ${text} ━━━`);
}

/** Test-case counts from vitest's JSON report. */
function vitestCounts(path) {
  const r = readJson(path);
  if (!r) return { passed: 0, failed: 0 };
  // A test file that fails to load has no failed test case but a failed suite.
  const failedFiles = (r.testResults ?? []).filter((f) => f.status === "failed" && f.assertionResults?.length === 0).length;
  return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + failedFiles };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function hasSpecs(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory()
      ? entry.name !== "node_modules" && hasSpecs(join(dir, entry.name))
      : /\.(spec|test)\.(c|m)?[jt]sx?$/.test(entry.name),
  );
}

/** Runs one step; `count(exitCode)` returns its test-case counts when it has any. */
async function step(name, command, args, { env, count, note } = {}) {
  banner(name);
  const started = Date.now();
  const code = await run(command, args, env);
  const seconds = (Date.now() - started) / 1000;
  let stepPassed = 0;
  let stepFailed = 0;
  if (count) ({ passed: stepPassed, failed: stepFailed } = count());
  // A failing step always counts at least one failure, so the closing line never hides it.
  if (code !== 0 && stepFailed === 0) stepFailed = 1;
  passed += stepPassed;
  failed += stepFailed;
  const counts = count ? ` (${stepPassed} passed, ${stepFailed} failed)` : "";
  steps.push({ name, status: code === 0 ? "passed" : "failed", seconds, note: `${note ?? ""}${counts}`.trim() });
  return code === 0;
}

function skip(name, note) {
  banner(name);
  console.log(`skipped: ${note}`);
  steps.push({ name, status: "skipped", note });
}

function finish() {
  console.log("\n━━━ summary ━━━");
  for (const s of steps) {
    const time = s.seconds === undefined ? "" : ` ${s.seconds.toFixed(1)}s`;
    console.log(`${s.status.padEnd(7)} ${s.name}${time}${s.note ? `  ${s.note}` : ""}`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || steps.some((s) => s.status === "failed") ? 1 : 0);
}

async function main() {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  if (!(await step("typecheck", bin("tsc"), ["--noEmit", "-p", "."]))) return finish();
  if (!(await step("lint", bin("biome"), ["check", "."]))) return finish();

  const engines = [
    ["SQLite", true, ""],
    ["PostgreSQL", Boolean(process.env.TEST_POSTGRES_URL), "TEST_POSTGRES_URL"],
    ["MySQL", Boolean(process.env.TEST_MYSQL_URL), "TEST_MYSQL_URL"],
    ["Redis", Boolean(process.env.TEST_REDIS_URL), "TEST_REDIS_URL"],
  ];
  const used = engines.filter(([, on]) => on).map(([n]) => n);
  const skipped = engines.filter(([, on]) => !on).map(([n, , v]) => `${n} (set ${v})`);
  console.log(`\nengines: ${used.join(", ")}${skipped.length ? `; skipped: ${skipped.join(", ")}` : ""}`);
  const vitestJson = join(resultsDir, "vitest.json");
  const unitOk = await step(
    "unit + integration (vitest)",
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`],
    {
      note: `[${used.join(", ")}${skipped.length ? `; skipped: ${skipped.map((s) => s.split(" ")[0]).join(", ")}` : ""}]`,
      count: () => vitestCounts(vitestJson),
    },
  );
  if (!unitOk) return finish();

  const buildScript = join(root, "scripts", "build.mjs");
  const buildOk = existsSync(buildScript)
    ? await step("production build (scripts/build.mjs)", process.execPath, [buildScript])
    : await step("production build (next build)", bin("next"), ["build"]);
  if (!buildOk) return finish();

  // The process faults (test/faults): the build started by the launcher, its processes killed.
  const faultsJson = join(resultsDir, "faults.json");
  const faultsOk = await step(
    "process faults (vitest, against the build)",
    bin("vitest"),
    ["run", "--config", "vitest.faults.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${faultsJson}`],
    { count: () => vitestCounts(faultsJson) },
  );
  if (!faultsOk) return finish();

  if (!hasSpecs(join(root, "e2e"))) {
    skip("e2e (playwright)", "no specs in e2e/");
  } else if (!existsSync(CHROMIUM)) {
    if (inCI) {
      banner("e2e (playwright)");
      console.error(`${CHROMIUM} is missing; CI must install Debian's chromium (apt-get install -y chromium).`);
      steps.push({ name: "e2e (playwright)", status: "failed", note: `${CHROMIUM} missing in CI` });
      failed += 1;
      return finish();
    }
    skip("e2e (playwright)", `${CHROMIUM} not found; install Debian's chromium (apt-get install -y chromium) to run e2e`);
  } else {
    const pwJson = join(resultsDir, "playwright.json");
    const e2eOk = await step("e2e (playwright)", bin("playwright"), ["test", "--reporter=list,json"], {
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
      count: () => {
        const s = readJson(pwJson)?.stats;
        if (!s) return { passed: 0, failed: 0 };
        return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0 };
      },
    });
    if (!e2eOk) return finish();
  }
  finish();
}

main().catch((error) => {
  console.error(error);
  steps.push({ name: "test runner", status: "failed", note: String(error?.message ?? error) });
  failed += 1;
  finish();
});
