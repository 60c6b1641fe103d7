// The global search: one function over every source (lib/search/sources.ts), each engine's own
// full-text index doing the matching and ranking (SQLite FTS5 bm25, PostgreSQL tsvector/ts_rank,
// MySQL FULLTEXT relevance), access filtered in the same SQL statement, and the matched words
// marked by lib/search/highlight.ts. A query that is a card key (PRJ-42) puts that card first.
import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { currentEngine, Prisma } from "../db/client.ts";
import { rows, run } from "../db/direct.ts";
import type { Engine } from "../db/engine.ts";
import { parseInput } from "../errors.ts";
import { highlight, queryTerms } from "./highlight.ts";
import { type SearchResult, type SearchSource, SOURCES } from "./sources.ts";

export type { SearchResult } from "./sources.ts";
export const SEARCH_TYPES = SOURCES.map((s) => s.type);

export const ZSearch = z.object({
  q: z.string().trim().min(1).max(200),
  types: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const list = v
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean);
      const unknown = list.filter((t) => !SEARCH_TYPES.includes(t));
      if (unknown.length)
        ctx.addIssue({ code: "custom", message: `Unknown type(s): ${unknown.join(", ")}; use ${SEARCH_TYPES.join(", ")}` });
      return list;
    }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** The projects the actor may read, as a condition on `projects p` (system admins: all live ones). */
export function readableProjectsSql(actor: Actor): Prisma.Sql {
  const scope = actor.apiKeyProjectId !== null ? Prisma.sql` AND p.id = ${actor.apiKeyProjectId}` : Prisma.empty;
  if (actor.isAdmin) return Prisma.sql`p.deleted_at IS NULL${scope}`;
  return Prisma.sql`p.deleted_at IS NULL${scope} AND (
    EXISTS (SELECT 1 FROM project_members m WHERE m.project_id = p.id AND m.user_id = ${actor.userId}
      AND m.role IN ('viewer', 'member', 'admin'))
    OR EXISTS (SELECT 1 FROM group_project_access g JOIN group_members gm ON gm.group_id = g.group_id
      WHERE g.project_id = p.id AND gm.user_id = ${actor.userId} AND g.role IN ('viewer', 'member', 'admin')))`;
}

/** Each engine's match condition and score (higher is better) for a source, or null when the terms cannot match there. */
function fullText(engine: Engine, source: SearchSource, terms: string[]) {
  const a = source.alias;
  if (engine === "sqlite") {
    const fts = Prisma.raw(`${source.table}_fts`);
    const weights = Prisma.raw(source.columns.map((c) => c.weight.toFixed(1)).join(", "));
    const q = terms.map((t) => `"${t}"*`).join(" ");
    return {
      join: Prisma.sql` JOIN ${fts} ON ${fts}.rowid = ${Prisma.raw(`${a}.id`)}`,
      match: Prisma.sql`${fts} MATCH ${q}`,
      score: Prisma.sql`-bm25(${fts}, ${weights})`,
    };
  }
  if (engine === "postgresql") {
    const q = terms.map((t) => `${t}:*`).join(" & ");
    const vector = Prisma.raw(`${a}.search_vector`);
    return {
      join: Prisma.empty,
      match: Prisma.sql`${vector} @@ to_tsquery('simple', ${q})`,
      score: Prisma.sql`ts_rank(${vector}, to_tsquery('simple', ${q}))`,
    };
  }
  // InnoDB ignores words shorter than innodb_ft_min_token_size (3): such terms cannot be required.
  const usable = terms.filter((t) => t.length >= 3);
  if (usable.length === 0) return null;
  const q = usable.map((t) => `+${t}*`).join(" ");
  const cols = Prisma.raw(source.columns.map((c) => `${a}.${c.name}`).join(", "));
  const against = Prisma.sql`MATCH(${cols}) AGAINST (${q} IN BOOLEAN MODE)`;
  return { join: Prisma.empty, match: against, score: against };
}

const CARD_KEY = /^([A-Za-z][A-Za-z0-9]{0,9})-(\d{1,9})$/;

const projectOf = (r: Record<string, unknown>) =>
  r.project_id === null || r.project_id === undefined
    ? null
    : {
        id: Number(r.project_id),
        slug: String(r.project_slug),
        key: String(r.project_key),
        name: String(r.project_name),
      };

/** Cards whose key is the query, among the projects the actor may read. */
async function exactCards(actor: Actor, query: string, terms: string[]): Promise<SearchResult[]> {
  const m = CARD_KEY.exec(query.trim());
  if (!m) return [];
  const source = SOURCES.find((s) => s.type === "card") as SearchSource;
  const found = await run(() =>
    rows(Prisma.sql`SELECT ${source.select} FROM ${source.from}
      WHERE ${source.live} AND p.key = ${m[1].toUpperCase()} AND c.number = ${Number(m[2])} AND ${readableProjectsSql(actor)}`),
  );
  return found.map((r) => ({
    ...source.toResult(r, terms),
    title: highlight(String(r.title), []),
    type: "card",
    score: Number.POSITIVE_INFINITY,
    exact: true,
    project: projectOf(r),
  }));
}

/**
 * Search everything the actor may read. `types` limits the sources. Results are ordered by score
 * (an exact card key first), at most `limit` per type.
 */
export async function search(
  actor: Actor,
  query: string,
  options: { limit?: number; types?: string[] } = {},
): Promise<SearchResult[]> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 50);
  const terms = queryTerms(query);
  const engine = currentEngine();
  const sources = SOURCES.filter((s) => !options.types || options.types.includes(s.type));
  const exact = sources.some((s) => s.type === "card") ? await exactCards(actor, query, terms) : [];
  if (terms.length === 0) return exact;
  const projects = readableProjectsSql(actor);
  const perSource = await Promise.all(
    sources.map(async (source) => {
      const ft = fullText(engine, source, terms);
      if (!ft) return [];
      const found = await run(() =>
        rows(Prisma.sql`SELECT ${source.select}, ${ft.score} AS score FROM ${source.from}${ft.join}
          WHERE ${ft.match} AND ${source.live} AND ${source.access ? source.access(actor) : projects}
          ORDER BY score DESC, ${Prisma.raw(`${source.alias}.id`)} DESC LIMIT ${limit}`),
      );
      return found.map(
        (r): SearchResult => ({ ...source.toResult(r, terms), type: source.type, score: Number(r.score), project: projectOf(r) }),
      );
    }),
  );
  const seen = new Set(exact.map((r) => `${r.type}:${r.id}`));
  const ranked = perSource
    .flat()
    .filter((r) => !seen.has(`${r.type}:${r.id}`))
    .sort((a, b) => b.score - a.score);
  return [...exact, ...ranked];
}

/** The REST form: `?q=&types=card,topic&limit=`. Scores are left out (they are engine-specific). */
export async function searchRequest(actor: Actor, params: URLSearchParams) {
  const input = parseInput(ZSearch, Object.fromEntries(params));
  const results = await search(actor, input.q, { limit: input.limit, types: input.types });
  return { query: input.q, results: results.map(({ score: _s, ...r }) => r) };
}
