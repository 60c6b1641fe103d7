// Boards from CSV: Kanboard's task export, Jira's issue export (its repeated columns: Labels,
// Comment, Attachment), and any CSV with a column mapping (the generic import; without a mapping
// the columns are guessed from their names, and the report shows the guess to confirm or change).
import { createHash } from "node:crypto";
import { type DateOrder, dateField, isoDay, slashOrder } from "./dates.ts";
import { addDropped, clip, type ImportBoard, type ImportCard, type ImportColumn, labelColor, type PersonRef } from "./model.ts";
import { type CsvTable, headerKey, invalidFile } from "./text.ts";

export const CSV_FIELDS = [
  "id",
  "title",
  "description",
  "column",
  "labels",
  "assignees",
  "dueDate",
  "priority",
  "type",
  "estimateHours",
  "storyPoints",
  "createdAt",
  "archived",
  "comments",
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Header names (compared by headerKey) that the generic import guesses for each field. */
const GUESS: Record<CsvField, string[]> = {
  id: ["id", "key", "issuekey", "taskid", "ticket", "number", "nr"],
  title: ["title", "name", "summary", "task", "subject", "titel", "aufgabe", "betreff"],
  description: ["description", "desc", "details", "notes", "body", "beschreibung", "notizen"],
  column: ["column", "status", "list", "stage", "state", "lane", "spalte", "liste"],
  labels: ["labels", "label", "tags", "tag", "category", "kategorie", "schlagworte"],
  assignees: ["assignee", "assignees", "owner", "members", "assignedto", "zugewiesen", "bearbeiter", "verantwortlich"],
  dueDate: ["due", "duedate", "deadline", "fallig", "faellig", "falligkeit", "falligkeitsdatum", "falligam"],
  priority: ["priority", "prio", "prioritaet", "prioritat"],
  type: ["type", "issuetype", "kind", "typ"],
  estimateHours: ["estimate", "estimatehours", "hours", "timeestimated", "schaetzung"],
  storyPoints: ["storypoints", "points", "sp", "complexity"],
  createdAt: ["created", "createdat", "creationdate", "erstellt"],
  archived: ["archived", "closed", "done", "archiviert"],
  comments: ["comment", "comments", "kommentar"],
};

export function guessMapping(headers: string[]): Partial<Record<CsvField, string>> {
  const mapping: Partial<Record<CsvField, string>> = {};
  const taken = new Set<string>();
  for (const field of CSV_FIELDS) {
    const hit = headers.find((h) => !taken.has(h) && GUESS[field].includes(headerKey(h)));
    if (hit) {
      mapping[field] = hit;
      taken.add(hit);
    }
  }
  return mapping;
}

const PRIORITY: Record<string, ImportCard["priority"]> = {
  lowest: "low",
  low: "low",
  minor: "low",
  trivial: "low",
  niedrig: "low",
  gering: "low",
  medium: "medium",
  normal: "medium",
  mittel: "medium",
  high: "high",
  major: "high",
  hoch: "high",
  highest: "critical",
  critical: "critical",
  blocker: "critical",
  urgent: "critical",
  kritisch: "critical",
  dringend: "critical",
};
export const priorityOf = (v: string | undefined) => (v ? PRIORITY[v.trim().toLowerCase()] : undefined);

const TRUE = new Set(["1", "true", "yes", "y", "x", "ja", "closed", "archived", "done", "geschlossen", "archiviert"]);
const truthy = (v: string | undefined) => !!v && TRUE.has(v.trim().toLowerCase());

export const personOf = (raw: string): PersonRef => {
  const v = raw.trim();
  return v.includes("@") ? { email: v, name: v } : { username: v, name: v };
};
const splitList = (v: string | undefined) =>
  (v ?? "")
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

function numberField(raw: string | undefined, where: { line: number; column: string }, what: string): number | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw.trim().replace(",", "."));
  if (!Number.isFinite(n) || n < 0)
    throw invalidFile(`Line ${where.line}, column "${where.column}": "${raw.slice(0, 40)}" is not ${what}.`, where.column);
  return n;
}

/** Indexes of the headers named like `name` (Jira repeats some), compared by headerKey. */
function indexesOf(table: CsvTable, ...names: string[]): number[] {
  const keys = names.map(headerKey);
  return table.rawHeaders.flatMap((h, i) => (keys.includes(headerKey(h)) ? [i] : []));
}

/** Columns in order of first appearance; `rank` (e.g. Jira's status category) sorts first. */
function columnsOf(values: { name: string; rank?: number; isDone?: boolean }[]): ImportColumn[] {
  const seen = new Map<string, { name: string; rank: number; first: number; isDone: boolean }>();
  values.forEach((v, i) => {
    const key = v.name.toLowerCase();
    if (!seen.has(key)) seen.set(key, { name: v.name, rank: v.rank ?? 0, first: i, isDone: v.isDone ?? false });
  });
  return [...seen.values()]
    .sort((a, b) => a.rank - b.rank || a.first - b.first)
    .map((c) => ({
      sourceId: `column:${c.name.toLowerCase()}`,
      name: clip(c.name),
      archived: false,
      ...(c.isDone ? { isDone: true } : {}),
    }));
}

/** A stable id for a row without one: its content (and its place among identical rows). */
function rowId(values: string[], seen: Map<string, number>): string {
  const hash = createHash("sha1").update(JSON.stringify(values)).digest("hex").slice(0, 24);
  const n = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, n);
  return n === 1 ? `row-${hash}` : `row-${hash}-${n}`;
}

function labelsFrom(names: string[]) {
  const unique = [...new Map(names.map((n) => [n.toLowerCase(), clip(n, 64)])).values()];
  return unique.map((name) => ({ sourceId: `label:${name.toLowerCase()}`, name, color: labelColor(null) }));
}

const dateOrderFor = (table: CsvTable, idx: number[], fallback?: DateOrder) =>
  slashOrder(
    table.rows.flatMap((r) => idx.map((i) => r.values[i] ?? "")),
    fallback ?? "mdy",
  );

function dateNote(board: ImportBoard, column: string, order: { order: DateOrder; ambiguous: boolean }) {
  if (order.ambiguous) {
    board.notes.push(
      `Dates in "${column}" such as 03/04/2024 could be day/month or month/day: they were read as ${order.order === "mdy" ? "month/day" : "day/month"} (change “date order” if that is wrong).`,
    );
  }
}

// --- generic -------------------------------------------------------------------------------------------

export function genericCsvBoard(
  table: CsvTable,
  options: { name: string; mapping?: Record<string, string>; dateOrder?: DateOrder },
): ImportBoard & { csv: { headers: string[]; mapping: Partial<Record<CsvField, string>> } } {
  const mapping: Partial<Record<CsvField, string>> = {};
  if (options.mapping) {
    for (const [field, header] of Object.entries(options.mapping)) {
      if (!(CSV_FIELDS as readonly string[]).includes(field)) {
        throw invalidFile(`mapping: "${field}" is not a field (fields: ${CSV_FIELDS.join(", ")}).`, `mapping.${field}`);
      }
      if (!header) continue;
      if (!table.headers.includes(header)) {
        throw invalidFile(
          `mapping.${field}: the file has no column "${header}" (it has: ${table.headers.join(", ")}).`,
          `mapping.${field}`,
        );
      }
      mapping[field as CsvField] = header;
    }
  } else Object.assign(mapping, guessMapping(table.headers));
  const repeated = table.headers.filter((h) => / \(\d+\)$/.test(h));
  if (!mapping.title) {
    throw invalidFile(
      `Which column is the card title? None is called title, name or summary (the file has: ${table.headers.join(", ")}). Map the columns.`,
      "mapping.title",
    );
  }
  const col = (f: CsvField) => (mapping[f] ? table.headers.indexOf(mapping[f] as string) : -1);
  const at = (values: string[], f: CsvField) => (col(f) >= 0 ? values[col(f)] : undefined);
  const board: ImportBoard & { csv: { headers: string[]; mapping: Partial<Record<CsvField, string>> } } = {
    kind: "board",
    source: "csv",
    sourceId: options.name,
    name: options.name,
    columns: [],
    labels: [],
    cards: [],
    dropped: [],
    notes: [],
    csv: { headers: table.headers, mapping },
  };
  if (repeated.length) board.notes.push(`Column names that repeat were numbered: ${repeated.join(", ")}.`);
  const dueOrder = dateOrderFor(
    table,
    [col("dueDate")].filter((i) => i >= 0),
    options.dateOrder,
  );
  const createdOrder = dateOrderFor(
    table,
    [col("createdAt")].filter((i) => i >= 0),
    options.dateOrder,
  );
  if (mapping.dueDate) dateNote(board, mapping.dueDate, dueOrder);
  const seen = new Map<string, number>();
  const ids = new Set<string>();
  const columnNames: { name: string }[] = [];
  const labelNames: string[] = [];
  for (const { line, values } of table.rows) {
    const title = (at(values, "title") ?? "").trim();
    if (!title) {
      addDropped(board.dropped, "rows without a title", 1, "skipped");
      continue;
    }
    const rawId = at(values, "id")?.trim();
    const sourceId = rawId ? `id-${rawId}` : rowId(values, seen);
    if (rawId && ids.has(sourceId))
      throw invalidFile(`Line ${line}: the id "${rawId}" appears twice in column "${mapping.id}".`, mapping.id);
    ids.add(sourceId);
    const columnName = at(values, "column")?.trim() || "To do";
    columnNames.push({ name: columnName });
    const labels = splitList(at(values, "labels"));
    labelNames.push(...labels);
    const where = (f: CsvField) => ({ line, column: mapping[f] as string });
    const due = dateField(at(values, "dueDate"), where("dueDate"), dueOrder.order);
    const created = dateField(at(values, "createdAt"), where("createdAt"), createdOrder.order);
    const comment = at(values, "comments")?.trim();
    board.cards.push({
      sourceId,
      sourceLabel: `CSV row ${rawId ? `“${rawId}”` : `at line ${line}`} of ${options.name}`,
      column: `column:${columnName.toLowerCase()}`,
      title,
      description: at(values, "description")?.trim() || null,
      dueDate: due ? isoDay(due) : null,
      archived: truthy(at(values, "archived")),
      ...(priorityOf(at(values, "priority")) ? { priority: priorityOf(at(values, "priority")) } : {}),
      ...(at(values, "type")?.trim() ? { type: clip((at(values, "type") as string).trim(), 32) } : {}),
      ...(numberField(at(values, "estimateHours"), where("estimateHours"), "a number of hours") !== undefined
        ? { estimateHours: numberField(at(values, "estimateHours"), where("estimateHours"), "a number of hours") }
        : {}),
      ...(numberField(at(values, "storyPoints"), where("storyPoints"), "a number") !== undefined
        ? { storyPoints: Math.round(numberField(at(values, "storyPoints"), where("storyPoints"), "a number") as number) }
        : {}),
      labels: labels.map((l) => `label:${l.toLowerCase()}`),
      members: splitList(at(values, "assignees")).map(personOf),
      createdAt: created,
      checklist: [],
      comments: comment
        ? [{ sourceId: `${sourceId}-comment`, author: null, createdAt: created ?? new Date(), body: comment }]
        : [],
      links: [],
    });
  }
  board.columns = columnsOf(columnNames);
  board.labels = labelsFrom(labelNames);
  const unmapped = table.headers.filter((h) => !Object.values(mapping).includes(h));
  addDropped(board.dropped, "unmapped columns", unmapped.length, `not imported: ${unmapped.join(", ")}`);
  return board;
}

// --- Kanboard ------------------------------------------------------------------------------------------

export function kanboardBoard(table: CsvTable, options: { name: string; dateOrder?: DateOrder }): ImportBoard {
  const need = (names: string[], label: string) => {
    const idx = indexesOf(table, ...names);
    if (idx.length === 0) {
      throw invalidFile(
        `This is not a Kanboard task export: it has no column "${label}" (it has: ${table.headers.join(", ")}). Kanboard writes the headers in its user's language: export in English, or use the generic CSV import with a mapping.`,
        "file",
      );
    }
    return idx[0];
  };
  const id = need(["Task Id"], "Task Id");
  const title = need(["Title"], "Title");
  const column = need(["Column"], "Column");
  const opt = (name: string) => indexesOf(table, name)[0] ?? -1;
  const [
    status,
    category,
    swimlane,
    position,
    color,
    due,
    creator,
    assignee,
    assigneeName,
    complexity,
    created,
    estimated,
    spent,
    reference,
  ] = [
    "Status",
    "Category",
    "Swimlane",
    "Position",
    "Color",
    "Due date",
    "Creator",
    "Assignee Username",
    "Assignee Name",
    "Complexity",
    "Creation date",
    "Time estimated",
    "Time spent",
    "Reference",
  ].map(opt);
  const cell = (values: string[], i: number) => (i >= 0 ? values[i]?.trim() : undefined) || undefined;
  const board: ImportBoard = {
    kind: "board",
    source: "kanboard",
    sourceId: options.name,
    name: options.name,
    columns: [],
    labels: [],
    cards: [],
    dropped: [],
    notes: [],
  };
  const dueOrder = dateOrderFor(
    table,
    [due, created].filter((i) => i >= 0),
    options.dateOrder,
  );
  if (due >= 0) dateNote(board, "Due date", dueOrder);
  const swimlanes = new Set<string>();
  let spentCount = 0;
  let colors = 0;
  const ids = new Set<string>();
  for (const { line, values } of table.rows) {
    const taskId = cell(values, id);
    if (!taskId) throw invalidFile(`Line ${line}: the task has no "Task Id".`, "Task Id");
    if (ids.has(taskId)) throw invalidFile(`Line ${line}: task ${taskId} appears twice.`, "Task Id");
    ids.add(taskId);
    const name = cell(values, column) ?? "To do";
    if (cell(values, swimlane)) swimlanes.add(cell(values, swimlane) as string);
    if (Number(cell(values, spent) ?? 0) > 0) spentCount++;
    if (cell(values, color)) colors++;
    const dueDate = dateField(cell(values, due), { line, column: "Due date" }, dueOrder.order);
    const createdAt = dateField(cell(values, created), { line, column: "Creation date" }, dueOrder.order);
    const ref = cell(values, reference);
    const who = cell(values, assignee);
    board.cards.push({
      sourceId: taskId,
      sourceLabel: `Kanboard task #${taskId}`,
      column: `column:${name.toLowerCase()}`,
      order: Number(cell(values, position) ?? 0),
      title: cell(values, title) ?? "(untitled)",
      description: ref ? `Reference: ${ref}` : null,
      dueDate: dueDate ? isoDay(dueDate) : null,
      archived: /^(closed|geschlossen|fermé)$/i.test(cell(values, status) ?? ""),
      labels: cell(values, category) ? [`label:${(cell(values, category) as string).toLowerCase()}`] : [],
      members: who ? [{ username: who, name: cell(values, assigneeName) ?? who }] : [],
      creator: cell(values, creator) ? { username: cell(values, creator) as string } : null,
      createdAt,
      ...(numberField(cell(values, estimated), { line, column: "Time estimated" }, "a number of hours")
        ? { estimateHours: numberField(cell(values, estimated), { line, column: "Time estimated" }, "a number of hours") }
        : {}),
      ...(numberField(cell(values, complexity), { line, column: "Complexity" }, "a number")
        ? { storyPoints: Math.round(numberField(cell(values, complexity), { line, column: "Complexity" }, "a number") as number) }
        : {}),
      checklist: [],
      comments: [],
      links: [],
    });
    board.columns.push({ sourceId: `column:${name.toLowerCase()}`, name, archived: false });
  }
  board.columns = columnsOf(board.columns);
  board.labels = labelsFrom(
    board.cards
      .flatMap((c) => c.labels.map((l) => l.slice("label:".length)))
      .map((l) => {
        const row = table.rows.find((r) => (r.values[category] ?? "").trim().toLowerCase() === l);
        return (row?.values[category] ?? l).trim();
      }),
  );
  addDropped(
    board.dropped,
    "swimlanes",
    swimlanes.size > 1 ? swimlanes.size : 0,
    "WarmDesk boards have no swimlanes: all tasks share the columns",
  );
  addDropped(
    board.dropped,
    "time-spent values",
    spentCount,
    "Kanboard's CSV has no date or person for them: not booked as time entries",
  );
  addDropped(board.dropped, "task colours", colors, "WarmDesk cards have no colour");
  board.notes.push(
    "Kanboard's CSV export has no descriptions, comments or subtasks: export them by other means if you need them.",
  );
  return board;
}

// --- Jira ----------------------------------------------------------------------------------------------

const STATUS_RANK: Record<string, number> = { "to do": 0, new: 0, "in progress": 1, indeterminate: 1, done: 2, complete: 2 };

export function jiraBoard(table: CsvTable, options: { name: string; dateOrder?: DateOrder }): ImportBoard {
  const one = (...names: string[]) => indexesOf(table, ...names)[0] ?? -1;
  const summary = one("Summary");
  const key = one("Issue key");
  if (summary < 0 || key < 0) {
    throw invalidFile(
      `This is not a Jira issue export: it needs the columns "Summary" and "Issue key" (it has: ${table.headers.slice(0, 20).join(", ")}${table.headers.length > 20 ? ", …" : ""}).`,
      "file",
    );
  }
  const [
    issueId,
    type,
    status,
    category,
    priority,
    assignee,
    reporter,
    created,
    due,
    description,
    estimate,
    spent,
    parent,
    sprint,
    resolution,
  ] = [
    ["Issue id"],
    ["Issue Type"],
    ["Status"],
    ["Status Category"],
    ["Priority"],
    ["Assignee"],
    ["Reporter"],
    ["Created"],
    ["Due Date", "Due date"],
    ["Description"],
    ["Original Estimate"],
    ["Time Spent"],
    ["Parent id", "Parent"],
    ["Sprint"],
    ["Resolution"],
  ].map((names) => one(...names));
  const labels = indexesOf(table, "Labels");
  const comments = indexesOf(table, "Comment");
  const attachments = indexesOf(table, "Attachment");
  const points = one("Custom field (Story Points)", "Custom field (Story point estimate)");
  const cell = (values: string[], i: number) => (i >= 0 ? values[i]?.trim() : undefined) || undefined;
  const board: ImportBoard = {
    kind: "board",
    source: "jira",
    sourceId: options.name,
    name: options.name,
    columns: [],
    labels: [],
    cards: [],
    dropped: [],
    notes: [],
  };
  const order = dateOrderFor(
    table,
    [created, due].filter((i) => i >= 0),
    options.dateOrder ?? "dmy",
  );
  const byId = new Map<string, string>();
  for (const { values } of table.rows)
    if (cell(values, issueId)) byId.set(cell(values, issueId) as string, cell(values, key) as string);
  const statuses: { name: string; rank?: number; isDone?: boolean }[] = [];
  let spentCount = 0;
  let sprints = 0;
  const keys = new Set<string>();
  for (const { line, values } of table.rows) {
    const issue = cell(values, key);
    if (!issue) throw invalidFile(`Line ${line}: the issue has no "Issue key".`, "Issue key");
    if (keys.has(issue)) throw invalidFile(`Line ${line}: issue ${issue} appears twice.`, "Issue key");
    keys.add(issue);
    const statusName = cell(values, status) ?? "To Do";
    const cat = (cell(values, category) ?? "").toLowerCase();
    statuses.push({ name: statusName, rank: STATUS_RANK[cat] ?? 1, isDone: STATUS_RANK[cat] === 2 });
    if (Number(cell(values, spent) ?? 0) > 0) spentCount++;
    if (cell(values, sprint)) sprints++;
    const at = { line, column: "Created" };
    const createdAt = dateField(cell(values, created), at, order.order);
    const dueDate = dateField(cell(values, due), { line, column: "Due Date" }, order.order);
    const cardComments = comments.flatMap((i, n) => {
      const raw = cell(values, i);
      if (!raw) return [];
      // "12/Mar/21 3:45 PM;jsmith;text (which may hold ;)"
      const [when, author, ...rest] = raw.split(";");
      const date = rest.length ? dateField(when, { line, column: "Comment" }, order.order) : null;
      return [
        {
          sourceId: `${issue}-comment-${n + 1}`,
          author: rest.length && author ? { username: author.trim(), name: author.trim() } : null,
          createdAt: date ?? createdAt ?? new Date(),
          body: rest.length ? rest.join(";").trim() : raw,
        },
      ];
    });
    const links = attachments.flatMap((i) => {
      const raw = cell(values, i);
      if (!raw) return [];
      const parts = raw.split(";");
      const url = parts.at(-1)?.trim() ?? "";
      return /^https?:\/\//.test(url) ? [{ name: parts.at(-2)?.trim() || url, url }] : [];
    });
    const estimateSeconds = numberField(cell(values, estimate), { line, column: "Original Estimate" }, "a number of seconds");
    const sp = numberField(cell(values, points), { line, column: "Story Points" }, "a number");
    const who = cell(values, assignee);
    const parentKey = cell(values, parent) ? (byId.get(cell(values, parent) as string) ?? cell(values, parent)) : null;
    board.cards.push({
      sourceId: issue,
      sourceLabel: `Jira issue ${issue}`,
      column: `column:${statusName.toLowerCase()}`,
      title: cell(values, summary) ?? issue,
      description: cell(values, description) ?? null,
      dueDate: dueDate ? isoDay(dueDate) : null,
      archived: false,
      ...(priorityOf(cell(values, priority)) ? { priority: priorityOf(cell(values, priority)) } : {}),
      ...(cell(values, type) ? { type: clip((cell(values, type) as string).toLowerCase(), 32) } : {}),
      ...(estimateSeconds ? { estimateHours: Math.round((estimateSeconds / 3600) * 100) / 100 } : {}),
      ...(sp ? { storyPoints: Math.round(sp) } : {}),
      labels: labels.flatMap((i) => (cell(values, i) ? [`label:${(cell(values, i) as string).toLowerCase()}`] : [])),
      members: who ? [{ username: who, name: who }] : [],
      creator: cell(values, reporter) ? { username: cell(values, reporter) as string } : null,
      createdAt,
      checklist: [],
      comments: cardComments,
      links,
      parent: parentKey && parentKey !== issue ? parentKey : null,
    });
  }
  const cards = board.cards;
  for (const c of cards) if (c.parent && !keys.has(c.parent)) c.parent = null;
  board.columns = columnsOf(statuses);
  board.labels = labelsFrom(
    table.rows.flatMap(({ values }) => labels.flatMap((i) => (cell(values, i) ? [cell(values, i) as string] : []))),
  );
  if (resolution >= 0) board.notes.push("Jira's resolution is kept only through the status (the column).");
  addDropped(
    board.dropped,
    "time-spent values",
    spentCount,
    "Jira's CSV has no worklog dates or people: not booked as time entries",
  );
  addDropped(board.dropped, "sprint assignments", sprints, "sprints are not imported; plan them again in WarmDesk");
  const other = table.headers.filter((h) => /^Custom field/.test(h) && !/Story point/i.test(h));
  addDropped(board.dropped, "custom fields", other.length, "WarmDesk has no custom fields");
  return board;
}
