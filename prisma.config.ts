// Prisma CLI configuration, used by scripts/new-migration.mjs for `prisma migrate diff`.
// The JS schema engine (a Wasm build inside the npm package) works offline; the native one would
// be downloaded, which this project never does. WARMDESK_PRISMA_PROVIDER picks the rendered schema.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const provider = process.env.WARMDESK_PRISMA_PROVIDER ?? "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/rendered/${provider}/schema.prisma`,
  async adapter() {
    if (provider === "postgresql") {
      return new PrismaPg({
        connectionString: process.env.WARMDESK_PRISMA_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
      });
    }
    return new PrismaBetterSQLite3({ url: "file::memory:" });
  },
});
