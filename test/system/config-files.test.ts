// *_FILE variables (container secrets): the value is the file's content, one trailing newline off;
// the variable and its _FILE together, or an unreadable file, are configuration errors.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyFileVariables } from "../../lib/config.ts";

const dir = mkdtempSync(join(tmpdir(), "warmdesk-secrets-"));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe("*_FILE variables", () => {
  it("read secrets from files", () => {
    const env: Record<string, string | undefined> = {
      AUTH_SECRET_FILE: file("auth", `${"s".repeat(40)}\n`),
      DATABASE_URL_FILE: file("db", "postgresql://warmdesk:p%40ss@db:5432/warmdesk"),
      METRICS_TOKEN_FILE: file("metrics", "token-token-token-token\r\n"),
    };
    expect(applyFileVariables(env)).toEqual([]);
    expect(env.AUTH_SECRET).toBe("s".repeat(40));
    expect(env.DATABASE_URL).toBe("postgresql://warmdesk:p%40ss@db:5432/warmdesk");
    expect(env.METRICS_TOKEN).toBe("token-token-token-token");
    // A child process inherits both, and reads the same file again without complaint.
    expect(applyFileVariables(env)).toEqual([]);
  });

  it("refuse a variable set twice, and a file that cannot be read", () => {
    const env: Record<string, string | undefined> = { AUTH_SECRET: "x".repeat(40), AUTH_SECRET_FILE: file("a2", "y".repeat(40)) };
    expect(applyFileVariables(env)).toEqual(["  AUTH_SECRET_FILE: AUTH_SECRET is set too; set one of them"]);
    const missing: Record<string, string | undefined> = { REDIS_URL_FILE: join(dir, "nope") };
    expect(applyFileVariables(missing)[0]).toMatch(/^ {2}REDIS_URL_FILE: cannot read .*nope/);
  });
});
