import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The fault-injection tests (test/faults/): they start the production build through the launcher
// and kill its processes, so they run after `npm run build` (`npm test` does) and one file at a time.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["test/faults/**/*.test.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
