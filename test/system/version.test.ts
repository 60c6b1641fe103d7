// One version everywhere: package.json, lib/version.ts (health, About box, metrics), the command
// line, and a CHANGELOG.md section with upgrade notes.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../lib/version.ts";

const root = join(import.meta.dirname, "../..");

describe("version", () => {
  it("is package.json's, and CHANGELOG.md has a section with upgrade notes for it", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(VERSION).toBe(pkg.version);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    const changelog = readFileSync(join(root, "CHANGELOG.md"), "utf8");
    const start = changelog.indexOf(`\n## ${VERSION} `);
    expect(start).toBeGreaterThan(0);
    const section = changelog.slice(start + 1, changelog.indexOf("\n## ", start + 1));
    expect(section).toContain("### Upgrade notes");
  });

  it("is printed by `warmdesk --version` and `warmdesk version`", () => {
    for (const arg of ["--version", "version"]) {
      const r = spawnSync(process.execPath, [join(root, "bin/warmdesk.mjs"), arg], { encoding: "utf8" });
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(VERSION);
    }
  });
});
