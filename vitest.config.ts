import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit and integration tests (real SQLite always; PostgreSQL / MySQL when TEST_POSTGRES_URL /
// TEST_MYSQL_URL are set). Playwright specs live in e2e/ and are run by `playwright test`; the
// fault-injection tests in test/faults/ by vitest.faults.config.ts, after the build.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.ts", "lib/**/*.test.ts"],
    // test/faults needs the production build: vitest.faults.config.ts runs it after the build.
    exclude: ["e2e/**", "node_modules/**", ".next/**", "tmp/**", "test/faults/**"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
