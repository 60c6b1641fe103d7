import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "../../app/api/health/route.ts";
import { resetConfigForTests } from "../../lib/config.ts";
import { getDb } from "../../lib/db/client.ts";

describe("health when the database is down", () => {
  const saved = { url: process.env.DATABASE_URL, dir: process.env.DATA_DIR };
  afterAll(async () => {
    await getDb()
      .$disconnect()
      .catch(() => {});
    for (const [name, value] of [
      ["DATABASE_URL", saved.url],
      ["DATA_DIR", saved.dir],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetConfigForTests();
  });

  it("answers 503 in the error format", async () => {
    process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "warmdesk-health-"));
    // Nothing listens on port 1.
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:1/nothing";
    resetConfigForTests();
    const res = await health();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.error.code).toBe("unavailable");
    expect(JSON.stringify(body)).not.toContain("nobody");
  });
});
