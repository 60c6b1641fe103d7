// Production build: the generated Prisma clients (if missing), then `next build`, offline and
// without telemetry. `npm run build` runs this; `npm start` runs it when the build is missing or stale.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(label, args) {
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`build: ${label} failed${r.status === null ? ` (${r.signal})` : ` (exit ${r.status})`}`);
    process.exit(r.status || 1);
  }
}

if (!existsSync(join(root, "lib/db/generated/sqlite/client.ts"))) {
  run("prisma client generation", [join(root, "scripts/prisma-generate.mjs")]);
}
run("next build", [join(root, "node_modules/next/dist/bin/next"), "build", ...process.argv.slice(2)]);
