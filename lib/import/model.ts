// What every importer produces: one neutral description of a board (columns, labels, cards with
// their checklist, comments and links) or of time records (customers, projects, timesheets), and
// what the importer could not carry over. lib/import/boards.ts and lib/import/time.ts write these
// into WarmDesk; the importers themselves never touch the database.

export const BOARD_SOURCES = ["trello", "wekan", "kanboard", "jira", "csv", "warmdesk"] as const;
export const SOURCES = [...BOARD_SOURCES, "kimai"] as const;
export type BoardSource = (typeof BOARD_SOURCES)[number];
export type ImportSource = (typeof SOURCES)[number];

/** The names shown to people ("Imported from Trello card …"). */
export const SOURCE_NAMES: Record<ImportSource, string> = {
  trello: "Trello",
  wekan: "Wekan",
  kanboard: "Kanboard",
  jira: "Jira",
  csv: "CSV",
  warmdesk: "WarmDesk",
  kimai: "Kimai",
};

/** Somebody as the source knows them; matched to a WarmDesk user by username or email. */
export type PersonRef = { username?: string | null; email?: string | null; name?: string | null };

export type ImportColumn = {
  sourceId: string;
  name: string;
  /** Archived in the source: not created as a column; its cards come in archived. */
  archived: boolean;
  wipLimit?: number;
  color?: string | null;
  isDone?: boolean;
};

export type ImportLabel = { sourceId: string; name: string; color: string };

export type ImportComment = { sourceId: string; author: PersonRef | null; createdAt: Date; body: string };

export type ImportAttachment = { name: string; mimeType?: string | null; read: () => Promise<Buffer> };

export type ImportTime = { sourceId: string; user: PersonRef | null; date: string; minutes: number; description: string | null };

export type ImportCard = {
  sourceId: string;
  /** Shown in the card's history: "Trello card 5f3e…", "Jira issue ABC-12". */
  sourceLabel: string;
  /** The column's sourceId. */
  column: string;
  /** The order within the column (cards are listed in number order, which may differ). */
  order?: number;
  title: string;
  description: string | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  archived: boolean;
  priority?: "low" | "medium" | "high" | "critical";
  type?: string;
  estimateHours?: number;
  storyPoints?: number;
  /** Label sourceIds. */
  labels: string[];
  members: PersonRef[];
  createdAt?: Date | null;
  creator?: PersonRef | null;
  checklist: { text: string; done: boolean }[];
  comments: ImportComment[];
  links: { name: string; url: string }[];
  attachments?: ImportAttachment[];
  time?: ImportTime[];
  /** Keep this card number when the target project has no cards yet (WarmDesk archives). */
  number?: number;
  /** The sourceId of the parent card. */
  parent?: string | null;
};

/** Something the source had that WarmDesk does not take (or not fully), counted. */
export type Dropped = { what: string; count: number; reason: string };

export type ImportBoard = {
  kind: "board";
  source: BoardSource;
  sourceId: string;
  name: string;
  columns: ImportColumn[];
  labels: ImportLabel[];
  cards: ImportCard[];
  dropped: Dropped[];
  notes: string[];
  /** Time entries on the project but no card (WarmDesk archives). */
  time?: ImportTime[];
  /** CSV: the file's columns and the mapping used (the generic import shows it to confirm). */
  csv?: { headers: string[]; mapping: Record<string, string> };
};

export type TimeCustomer = {
  sourceId: string;
  name: string;
  description?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  contact?: string | null;
  /** The customer's budget in minutes, when the export has one. */
  budgetMinutes?: number | null;
};
export type TimeProject = {
  sourceId: string;
  customer: string;
  name: string;
  description?: string | null;
  budgetMinutes?: number | null;
};
export type TimeRecord = {
  sourceId: string;
  /** Line in the file (CSV) for messages. */
  line?: number;
  project: string;
  user: PersonRef;
  date: string;
  minutes: number;
  description: string | null;
};

export type ImportTimesheets = {
  kind: "time";
  source: "kimai";
  customers: TimeCustomer[];
  projects: TimeProject[];
  records: TimeRecord[];
  dropped: Dropped[];
  notes: string[];
};

export type ImportPlan = ImportBoard | ImportTimesheets;

export function addDropped(list: Dropped[], what: string, count: number, reason: string) {
  if (count <= 0) return;
  const same = list.find((d) => d.what === what && d.reason === reason);
  if (same) same.count += count;
  else list.push({ what, count, reason });
}

/** Trello's and Wekan's colour names as WarmDesk label colours (#rrggbb). */
const NAMED_COLORS: Record<string, string> = {
  green: "#16a34a",
  yellow: "#ca8a04",
  orange: "#d97706",
  red: "#dc2626",
  purple: "#7c3aed",
  blue: "#2563eb",
  sky: "#0891b2",
  lime: "#65a30d",
  pink: "#db2777",
  black: "#374151",
  silver: "#9ca3af",
  gray: "#6b7280",
  grey: "#6b7280",
  white: "#d1d5db",
  peachpuff: "#fdba74",
  crimson: "#be123c",
  plum: "#a855f7",
  darkgreen: "#166534",
  slateblue: "#6366f1",
  magenta: "#c026d3",
  gold: "#eab308",
  navy: "#1e3a8a",
  saddlebrown: "#92400e",
  paleturquoise: "#5eead4",
  mistyrose: "#fda4af",
  indigo: "#4f46e5",
};

/** A colour name (Trello's `green_dark`, Wekan's `crimson`), or #rgb/#rrggbb, as #rrggbb; grey when unknown. */
export function labelColor(name: string | null | undefined): string {
  const raw = (name ?? "").trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(raw)) return raw;
  if (/^#[0-9a-f]{3}$/.test(raw)) return `#${[...raw.slice(1)].map((c) => c + c).join("")}`;
  const base = raw.replace(/_(dark|light)$/, "");
  return NAMED_COLORS[base] ?? "#6b7280";
}

/** A person for messages: "Ada Lovelace (@ada)". */
export function personText(p: PersonRef | null | undefined): string {
  if (!p) return "unknown";
  const handle = p.username ? `@${p.username}` : (p.email ?? "");
  if (p.name && handle && p.name !== p.username && p.name !== p.email) return `${p.name} (${handle})`;
  return p.name || handle || "unknown";
}

/** The first 191 characters (a VARCHAR column's width on PostgreSQL and MySQL), whole characters only. */
export function clip(text: string, max = 191): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
