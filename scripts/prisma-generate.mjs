// Renders the schema for every provider and generates one Prisma client per provider into
// lib/db/generated/<provider>. Runs on `npm install` (postinstall). Works offline: the schema
// engine binary is never needed for `generate` (see the toolchain note in the docs).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDERS, renderSchema } from "./render-schema.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const prismaBin = join(root, "node_modules", "prisma", "build", "index.js");

for (const provider of PROVIDERS) {
  const dir = join(root, "prisma", "rendered", provider);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "schema.prisma");
  writeFileSync(file, renderSchema(provider));
  execFileSync(process.execPath, [prismaBin, "generate", "--schema", file], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  console.log(`prisma: generated the ${provider} client`);
}
