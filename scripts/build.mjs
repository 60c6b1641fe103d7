// Production build: the generated Prisma clients (if missing), then `next build`, offline and
// without telemetry. `npm run build` runs this; `npm start` runs it when the build is missing or stale.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
/** Where the bundled sidecar goes (inside .next, so that `next build` starts it afresh). */
export const REALTIME_BUNDLE = ".next/warmdesk/realtime.mjs";

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

// The realtime sidecar and the web server, each as one plain JS file (packages stay external): they
// start faster and use ~40 MB less memory than running the TypeScript through tsx. Without esbuild
// (it comes with tsx) the launcher simply runs the TypeScript.
try {
  const { build } = await import("esbuild");
  await build({
    entryPoints: [join(root, "server/realtime.ts"), join(root, "server/web.ts")],
    outdir: join(root, dirname(REALTIME_BUNDLE)),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
  console.log(`build: realtime sidecar and web server bundled into ${dirname(REALTIME_BUNDLE)}`);
} catch (e) {
  console.warn(`build: could not bundle the servers (${e.message}); they will run through tsx`);
}
