// The data-access and layering rules of docs/architecture.md ("Data access", "Layers"), checked on
// the source text: raw SQL reads through Prisma only in lib/db, nothing in lib/ or components/
// imports from app/, and no import cycles among lib/'s modules.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.includes("generated/") && !f.endsWith(".d.ts"))
    .map((f) => join(dir, f));
}

/** The modules a file imports at run time (type-only imports left out), as paths from the root. */
function imports(file: string): { spec: string; target: string | null }[] {
  const text = readFileSync(join(root, file), "utf8");
  const found: { spec: string; target: string | null }[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/gm;
  for (const m of text.matchAll(re)) {
    if (m[2]) continue;
    const spec = m[3] ?? m[4];
    let target: string | null = null;
    if (spec.startsWith(".")) target = relative(root, resolve(dirname(join(root, file)), spec));
    else if (spec.startsWith("@/")) target = spec.slice(2);
    found.push({ spec, target });
  }
  return found;
}

// Raw SQL reads through Prisma outside lib/db, each with the reason it is still there. The list
// may only shrink: a file that no longer needs its entry fails the test until the entry goes.
const RAW_SQL_ALLOWED: Record<string, string> = {
  "lib/backup/backup.ts": "whole-database tool: lists the tables of the engine it copies",
  "lib/backup/copy.ts": "whole-database tool: resets MySQL's AUTO_INCREMENT after a copy",
};

describe("architecture rules (docs/architecture.md)", () => {
  const all = [...sources("lib"), ...sources("app"), ...sources("components"), ...sources("server")];

  it("reads with raw SQL through Prisma ($queryRaw) only in lib/db", () => {
    const offenders = all.filter((f) => !f.startsWith("lib/db/") && /\$queryRaw/.test(readFileSync(join(root, f), "utf8")));
    expect(offenders.filter((f) => !(f in RAW_SQL_ALLOWED))).toEqual([]);
    expect(Object.keys(RAW_SQL_ALLOWED).filter((f) => !offenders.includes(f))).toEqual([]);
  });

  it("never imports from app/ in lib/, components/ or server/", () => {
    const wrong = all
      .filter((f) => !f.startsWith("app/"))
      .flatMap((f) =>
        imports(f)
          .filter((i) => i.target?.startsWith("app/"))
          .map((i) => `${f} → ${i.spec}`),
      );
    expect(wrong).toEqual([]);
  });

  it("has no import cycles among lib/'s modules", () => {
    const files = sources("lib").filter((f) => !/\.test\.ts$/.test(f));
    const known = new Set(files);
    const edges = new Map(
      files.map((f) => [
        f,
        imports(f)
          .map((i) => i.target)
          .filter((t): t is string => t !== null && known.has(t)),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, "open");
      stack.push(f);
      for (const t of edges.get(f) ?? []) {
        if (state.get(t) === "open") cycles.push([...stack.slice(stack.indexOf(t)), t].join(" → "));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
