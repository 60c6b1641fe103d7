// What the global search looks through: one source per kind of thing, each a table with a
// full-text index (migration 0009: SQLite FTS5 `<table>_fts`, PostgreSQL `search_vector`, MySQL
// FULLTEXT over `columns`), joined down to `projects p` so that lib/search/search.ts filters access
// in SQL for all of them alike. To search another table (e.g. chat messages), add its index in a
// migration and a source here.
import { Prisma } from "../db/client.ts";
import { type Highlighted, highlight, snippet } from "./highlight.ts";

export type SearchResult = {
  type: string;
  id: number;
  /** Higher is better; comparable within a type. */
  score: number;
  /** The query was this card's key. */
  exact?: boolean;
  project: { id: number; slug: string; key: string; name: string };
  /** A card's key (cards, comments). */
  key?: string;
  title: Highlighted;
  snippet: Highlighted | null;
  url: string;
};

type Row = Record<string, unknown>;

export type SearchSource = {
  type: string;
  /** The indexed table, its alias in `from`, and its indexed columns with their ranking weights. */
  table: string;
  alias: string;
  columns: { name: string; weight: number }[];
  /** `FROM` text down to `projects p`. */
  from: Prisma.Sql;
  /** Only live rows. */
  live: Prisma.Sql;
  select: Prisma.Sql;
  toResult(row: Row, terms: string[]): Omit<SearchResult, "score" | "project" | "type">;
};

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const cardKey = (r: Row) => `${str(r.project_key)}-${Number(r.card_number)}`;
const PROJECT_COLUMNS = Prisma.sql`p.id AS project_id, p.slug AS project_slug, p.key AS project_key, p.name AS project_name`;

export const SOURCES: SearchSource[] = [
  {
    type: "card",
    table: "cards",
    alias: "c",
    columns: [
      { name: "title", weight: 10 },
      { name: "description", weight: 1 },
    ],
    from: Prisma.sql`cards c JOIN projects p ON p.id = c.project_id`,
    live: Prisma.sql`c.deleted_at IS NULL`,
    select: Prisma.sql`c.id, c.number AS card_number, c.title, c.description, ${PROJECT_COLUMNS}`,
    toResult: (r, terms) => ({
      id: Number(r.id),
      key: cardKey(r),
      title: highlight(str(r.title), terms),
      snippet: r.description ? snippet(str(r.description), terms) : null,
      url: `/${str(r.project_slug)}/cards/${cardKey(r)}`,
    }),
  },
  {
    type: "comment",
    table: "card_comments",
    alias: "cc",
    columns: [{ name: "body", weight: 1 }],
    from: Prisma.sql`card_comments cc JOIN cards c ON c.id = cc.card_id JOIN projects p ON p.id = c.project_id`,
    live: Prisma.sql`cc.deleted_at IS NULL AND c.deleted_at IS NULL`,
    select: Prisma.sql`cc.id, cc.body, c.number AS card_number, c.title, ${PROJECT_COLUMNS}`,
    toResult: (r, terms) => ({
      id: Number(r.id),
      key: cardKey(r),
      title: highlight(str(r.title), terms),
      snippet: snippet(str(r.body), terms),
      url: `/${str(r.project_slug)}/cards/${cardKey(r)}`,
    }),
  },
  {
    type: "topic",
    table: "topics",
    alias: "t",
    columns: [
      { name: "title", weight: 10 },
      { name: "body", weight: 1 },
    ],
    from: Prisma.sql`topics t JOIN projects p ON p.id = t.project_id`,
    live: Prisma.sql`t.deleted_at IS NULL`,
    select: Prisma.sql`t.id, t.title, t.body, ${PROJECT_COLUMNS}`,
    toResult: (r, terms) => ({
      id: Number(r.id),
      title: highlight(str(r.title), terms),
      snippet: snippet(str(r.body), terms),
      url: `/${str(r.project_slug)}/topics/${Number(r.id)}`,
    }),
  },
  {
    type: "reply",
    table: "topic_replies",
    alias: "tr",
    columns: [{ name: "body", weight: 1 }],
    from: Prisma.sql`topic_replies tr JOIN topics t ON t.id = tr.topic_id JOIN projects p ON p.id = t.project_id`,
    live: Prisma.sql`tr.deleted_at IS NULL AND t.deleted_at IS NULL`,
    select: Prisma.sql`tr.id, tr.body, t.id AS topic_id, t.title, ${PROJECT_COLUMNS}`,
    toResult: (r, terms) => ({
      id: Number(r.id),
      title: highlight(str(r.title), terms),
      snippet: snippet(str(r.body), terms),
      url: `/${str(r.project_slug)}/topics/${Number(r.topic_id)}#reply-${Number(r.id)}`,
    }),
  },
];
