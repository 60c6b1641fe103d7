// End-to-end tests in Debian's Chromium against the production build started by our launcher
// (`npm start`), on a fresh data directory per run. `npm test` runs `next build` first.
//
// To develop against servers that are already running instead: E2E_BASE_URL=http://localhost:3000
// E2E_DATA_DIR=/work/main/data npx playwright test --project=chromium
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

const external = process.env.E2E_BASE_URL;
// E2E_PORT moves the app (and the sidecar to the next port) when 3100 is taken on this machine.
const PORT = Number(process.env.E2E_PORT || 3100);
const REALTIME_PORT = PORT + 1;
// Set once in the runner; the workers inherit it (they load this file again).
if (!process.env.E2E_DATA_DIR) {
  if (external) throw new Error("E2E_BASE_URL needs E2E_DATA_DIR (the server's DATA_DIR: users are created there)");
  process.env.E2E_DATA_DIR = mkdtempSync(join(tmpdir(), "warmdesk-e2e-"));
}
process.env.E2E_BASE_URL ??= `http://localhost:${PORT}`;
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";

export default defineConfig({
  testDir: "e2e",
  outputDir: "tmp/e2e-results",
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never", outputFolder: "tmp/e2e-report" }]] : "list",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [
    // First-run setup needs an empty database, so it runs before anything else creates users.
    { name: "setup", testMatch: /setup\.spec\.ts$/ },
    {
      name: "chromium",
      testIgnore: /(setup|sso)\.spec\.ts$/,
      dependencies: external ? [] : ["setup"],
    },
    // Company sign-in changes instance-wide settings (SSO only refuses passwords): after the others.
    { name: "sso", testMatch: /sso\.spec\.ts$/, dependencies: ["chromium"] },
  ],
  webServer: external
    ? undefined
    : {
        command: "npm start",
        url: `http://localhost:${PORT}/api/health`,
        reuseExistingServer: false,
        timeout: 240_000,
        stdout: "pipe",
        stderr: "pipe",
        env: {
          DATA_DIR: process.env.E2E_DATA_DIR,
          PORT: String(PORT),
          REALTIME_PORT: String(REALTIME_PORT),
          NEXT_TELEMETRY_DISABLED: "1",
        },
      },
});
