// What the global search looks through: one source per kind of thing, each a table with a
// full-text index (migration 0009: SQLite FTS5 `<table>_fts`, PostgreSQL `search_vector`, MySQL
// FULLTEXT over `columns`), joined down to `projects p` so that lib/search/search.ts filters access
// in SQL for all of them alike. To search another table, add its index in a migration and a source
// here. Project chat messages (migration 0010) are read like the project; conversation messages
// belong to no project and bring their own access condition (current members only).
import type { Actor } from "../auth/actor.ts";
import { Prisma } from "../db/client.ts";
import { type Highlighted, highlight, snippet } from "./highlight.ts";

export type SearchResult = {
  type: string;
  id: number;
  /** Higher is better; comparable within a type. */
  score: number;
  /** The query was this card's key. */
  exact?: boolean;
  /** The project of the thing; null for a conversation (DM or group) message. */
  project: { id: number; slug: string; key: string; name: string } | null;
  /** A conversation message's conversation (its name; null for a DM). */
  conversation?: { id: number; name: string | null; isGroup: boolean };
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
  /** `FROM` text down to `projects p` (or, for a source without a project, its own tables). */
  from: Prisma.Sql;
  /** Who may read a row; the default is lib/search/search.ts readableProjectsSql (reads the project `p`). */
  access?: (actor: Actor) => Prisma.Sql;
  /** Only live rows. */
  live: Prisma.Sql;
  select: Prisma.Sql;
  toResult(row: Row, terms: string[]): Omit<SearchResult, "score" | "project" | "type">;
};

const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const cardKey = (r: Row) => `${str(r.project_key)}-${Number(r.card_number)}`;
const PROJECT_COLUMNS = Prisma.sql`p.id AS project_id, p.slug AS project_slug, p.key AS project_key, p.name AS project_name`;
const NO_PROJECT = Prisma.sql`NULL AS project_id, NULL AS project_slug, NULL AS project_key, NULL AS project_name`;
/** A message's author: the user's name, a bot's name, or empty (a deleted user). */
const author = (r: Row) => str(r.bot_name ?? r.author);

/**
 * Conversation messages are read by the conversation's current members only: not after leaving,
 * not by a system admin who is not a member, never through a key limited to a project.
 */
export function conversationAccessSql(actor: Actor): Prisma.Sql {
  if (actor.apiKeyProjectId !== null) return Prisma.sql`1 = 0`;
  return Prisma.sql`EXISTS (SELECT 1 FROM conversation_members mb
    WHERE mb.conversation_id = cvm.conversation_id AND mb.user_id = ${actor.userId} AND mb.left_at IS NULL)`;
}

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
  {
    type: "message",
    table: "chat_messages",
    alias: "chm",
    columns: [{ name: "body", weight: 1 }],
    from: Prisma.sql`chat_messages chm JOIN projects p ON p.id = chm.project_id LEFT JOIN users u ON u.id = chm.user_id`,
    live: Prisma.sql`chm.deleted_at IS NULL`,
    select: Prisma.sql`chm.id, chm.body, chm.bot_name, u.username AS author, ${PROJECT_COLUMNS}`,
    toResult: (r, terms) => ({
      id: Number(r.id),
      title: highlight(author(r), []),
      snippet: snippet(str(r.body), terms),
      url: `/${str(r.project_slug)}/chat?m=${Number(r.id)}`,
    }),
  },
  {
    type: "dm",
    table: "conversation_messages",
    alias: "cvm",
    columns: [{ name: "body", weight: 1 }],
    from: Prisma.sql`conversation_messages cvm JOIN conversations cv ON cv.id = cvm.conversation_id JOIN users u ON u.id = cvm.user_id`,
    live: Prisma.sql`cvm.deleted_at IS NULL`,
    access: conversationAccessSql,
    select: Prisma.sql`cvm.id, cvm.body, cvm.conversation_id, cv.name AS conversation_name, cv.is_group, NULL AS bot_name, u.username AS author, ${NO_PROJECT}`,
    toResult: (r, terms) => ({
      id: Number(r.id),
      title: highlight(author(r), []),
      snippet: snippet(str(r.body), terms),
      conversation: {
        id: Number(r.conversation_id),
        name: r.conversation_name === null || r.conversation_name === undefined ? null : str(r.conversation_name),
        isGroup: r.is_group === true || Number(r.is_group) === 1,
      },
      url: `/chat/${Number(r.conversation_id)}?m=${Number(r.id)}`,
    }),
  },
];
