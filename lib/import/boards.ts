// Writes an imported board (lib/import/model.ts) into a project: one transaction for the whole
// board, so an import is complete or absent, never half there. The dry run reads the same
// resolution (which people, columns and labels match, which cards were imported before) without
// writing. Re-running an import skips what import_items records as imported before, so nothing is
// duplicated; comments added in the source since are added to the cards imported before.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { fileTypeFromBuffer } from "file-type";
import { attachmentsDir, cleanFileName, removeStoredFiles, storedPath } from "../attachments/files.ts";
import { type ProjectRef, projectRoleOf, requireProject } from "../auth/access.ts";
import { type Actor, actorForUser } from "../auth/actor.ts";
import { Prisma } from "../db/client.ts";
import { exec, insert, rows, run, type Step, transaction } from "../db/direct.ts";
import { positionBetween } from "../ordering/positions.ts";
import { projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { ensureDoneColumnStep, nextBacklogRank } from "../scrum/progress.ts";
import {
  clip,
  type ImportBoard,
  type ImportCard,
  type ImportColumn,
  type ImportComment,
  type ImportTime,
  type PersonRef,
  personText,
  SOURCE_NAMES,
} from "./model.ts";
import { type ImportReport, type OnProgress, REPORT_ROWS, summaryLine } from "./report.ts";

const MAX_DESCRIPTION = 100_000;
const MAX_COMMENT = 50_000;
const MAX_CHECK_ITEM = 1000;

type UserRow = { id: number; username: string; email: string; role: string; language: string };
type Person = { person: PersonRef; user: UserRow | null; isMember: boolean };
type ColumnPlan = { column: ImportColumn; action: "create" | "match" | "archived"; columnId: number | null; name: string };
type CardPlan = { card: ImportCard; existing: { id: number; key: string; deleted: boolean } | null; comments: ImportComment[] };

type Resolution = {
  project: ProjectRef;
  scope: string;
  isEmpty: boolean;
  people: Map<string, Person>;
  columns: ColumnPlan[];
  removeColumns: { id: number; name: string }[];
  labels: { sourceId: string; name: string; color: string; labelId: number | null }[];
  cards: CardPlan[];
  keepNumbers: boolean;
};

export const personKey = (p: PersonRef | null | undefined) =>
  (p?.username?.trim() || p?.email?.trim() || p?.name?.trim() || "").toLowerCase();

/** Users that a source's people match (by username or email, ignoring case), and whether they can be assigned here. */
export function* matchPeople(projectId: number | null, people: (PersonRef | null | undefined)[]): Step<Map<string, Person>> {
  const users = (yield* rows<UserRow>(Prisma.sql`
    SELECT id, username, email, role, language FROM users WHERE deleted_at IS NULL AND is_active = ${true}`)).map((u) => ({
    ...u,
    id: Number(u.id),
  }));
  const byName = new Map(users.map((u) => [u.username.toLowerCase(), u]));
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));
  const result = new Map<string, Person>();
  for (const p of people) {
    const key = personKey(p);
    if (!p || !key || result.has(key)) continue;
    const user =
      (p.username ? (byName.get(p.username.toLowerCase()) ?? byEmail.get(p.username.toLowerCase())) : undefined) ??
      (p.email ? byEmail.get(p.email.toLowerCase()) : undefined) ??
      null;
    let isMember = false;
    if (user && projectId !== null) {
      const role = yield* projectRoleOf(actorForUser(user), projectId);
      isMember = role !== null;
    }
    result.set(key, { person: p, user, isMember });
  }
  return result;
}

function* resolve(project: ProjectRef, plan: ImportBoard): Step<Resolution> {
  const scope = `project:${project.id}`;
  const people: PersonRef[] = plan.cards.flatMap((c) => [
    ...c.members,
    ...c.comments.map((m) => m.author),
    ...(c.time ?? []).map((t) => t.user),
    c.creator ?? null,
  ]) as PersonRef[];
  const matched = yield* matchPeople(project.id, people);

  const imported = new Map<string, number>();
  for (const r of yield* rows<{ kind: string; source_id: string; target_id: unknown }>(Prisma.sql`
    SELECT kind, source_id, target_id FROM import_items WHERE scope = ${scope} AND source = ${plan.source}`)) {
    imported.set(`${r.kind}:${r.source_id}`, Number(r.target_id));
  }
  const columns = (yield* rows<{ id: unknown; name: string }>(Prisma.sql`
    SELECT id, name FROM columns WHERE project_id = ${project.id} ORDER BY position, id`)).map((c) => ({
    id: Number(c.id),
    name: c.name,
  }));
  const cardRows = (yield* rows<{ id: unknown; number: unknown; deleted_at: unknown }>(Prisma.sql`
    SELECT id, number, deleted_at FROM cards WHERE project_id = ${project.id}`)).map((c) => ({
    id: Number(c.id),
    number: Number(c.number),
    deleted: c.deleted_at !== null,
  }));
  const cardById = new Map(cardRows.map((c) => [c.id, c]));
  const isEmpty = cardRows.length === 0;

  // Columns: one imported before (import_items), else one of the same name, else a new one.
  const used = new Set<number>();
  const columnPlans: ColumnPlan[] = plan.columns.map((column) => {
    if (column.archived) return { column, action: "archived", columnId: null, name: column.name };
    const mapped = imported.get(`column:${column.sourceId}`);
    const byMap = mapped !== undefined ? columns.find((c) => c.id === mapped && !used.has(c.id)) : undefined;
    const byName =
      byMap ?? columns.find((c) => !used.has(c.id) && c.name.trim().toLowerCase() === column.name.trim().toLowerCase());
    if (byName) {
      used.add(byName.id);
      return { column, action: "match", columnId: byName.id, name: byName.name };
    }
    return { column, action: "create", columnId: null, name: clip(column.name) };
  });
  // No live column to hold the cards of archived lists: the first archived list becomes one.
  if (!columnPlans.some((c) => c.action !== "archived") && columns.length === 0 && columnPlans.length > 0) {
    columnPlans[0] = { ...columnPlans[0], action: "create" };
  }
  // A project without any cards takes the imported board's columns: its unused (empty) columns go.
  const hasLiveImportColumns = columnPlans.some((c) => c.action !== "archived");
  const removeColumns = isEmpty && hasLiveImportColumns ? columns.filter((c) => !used.has(c.id)) : [];

  const existingLabels = (yield* rows<{ id: unknown; name: string }>(Prisma.sql`
    SELECT id, name FROM labels WHERE project_id = ${project.id}`)).map((l) => ({ id: Number(l.id), name: l.name }));
  const labels = plan.labels.map((l) => ({
    ...l,
    labelId: existingLabels.find((x) => x.name.toLowerCase() === l.name.toLowerCase())?.id ?? null,
  }));

  const cards: CardPlan[] = plan.cards.map((card) => {
    const target = imported.get(`card:${card.sourceId}`);
    const row = target !== undefined ? cardById.get(target) : undefined;
    const existing = row ? { id: row.id, key: `${project.key}-${row.number}`, deleted: row.deleted } : null;
    const comments = existing ? card.comments.filter((c) => !imported.has(`comment:${c.sourceId}`)) : card.comments;
    return { card, existing, comments };
  });
  const numbers = plan.cards.map((c) => c.number);
  const keepNumbers =
    isEmpty &&
    numbers.length > 0 &&
    numbers.every((n) => Number.isInteger(n) && (n as number) > 0) &&
    new Set(numbers).size === numbers.length;
  return {
    project,
    scope,
    isEmpty,
    people: matched,
    columns: columnPlans,
    removeColumns,
    labels,
    cards,
    keepNumbers,
  };
}

/** Where a card goes: its column, or (from an archived list) the first live column. */
function targetColumn(res: Resolution, card: ImportCard): ColumnPlan | null {
  const own = res.columns.find((c) => c.column.sourceId === card.column);
  if (own && own.action !== "archived") return own;
  return res.columns.find((c) => c.action !== "archived") ?? null;
}

function reportOf(res: Resolution, plan: ImportBoard, dryRun: boolean, created?: Map<string, string>): ImportReport {
  const { project } = res;
  const report: ImportReport = {
    source: plan.source,
    dryRun,
    name: plan.name,
    project: { slug: project.slug, name: project.name, key: project.key, url: `/${project.slug}` },
    summary: [],
    people: [],
    columns: [],
    rows: [],
    rowsTotal: plan.cards.length,
    dropped: [...plan.dropped],
    notes: [...plan.notes],
    ...(plan.csv ? { csv: plan.csv } : {}),
  };
  const source = SOURCE_NAMES[plan.source];
  const cols = summaryLine(report, "columns");
  for (const c of res.columns) {
    const count = plan.cards.filter((card) => card.column === c.column.sourceId).length;
    if (c.action === "archived") {
      cols.skip++;
      report.columns.push({
        name: c.name,
        action: "skip",
        cards: count,
        note: `archived in ${source}: not created as a column; its cards come in archived`,
      });
    } else {
      if (c.action === "create") cols.create++;
      else cols.match++;
      report.columns.push({ name: c.name, action: c.action, cards: count });
    }
  }
  for (const c of res.removeColumns) {
    report.columns.push({
      name: c.name,
      action: "remove",
      cards: 0,
      note: "empty, and the project has no cards yet: the board takes the imported columns",
    });
  }
  const labels = summaryLine(report, "labels");
  for (const l of res.labels) {
    if (l.labelId === null) labels.create++;
    else labels.match++;
  }
  for (const [, p] of res.people) {
    report.people.push({
      person: personText(p.person),
      username: p.user?.username ?? null,
      note: !p.user
        ? "no WarmDesk user with this username or email: kept as text"
        : p.isMember
          ? "matched"
          : "matched, but not a member of the project: assignments kept as text, comments keep the author",
    });
  }
  const cards = summaryLine(report, "cards");
  const archived = summaryLine(report, "archivedCards");
  const checklist = summaryLine(report, "checklistItems");
  const comments = summaryLine(report, "comments");
  const links = summaryLine(report, "links");
  const files = summaryLine(report, "attachments");
  const time = summaryLine(report, "timeEntries");
  for (const cp of res.cards) {
    const { card, existing } = cp;
    const column = targetColumn(res, card);
    if (existing) {
      cards.skip++;
      comments.create += cp.comments.length;
      comments.skip += card.comments.length - cp.comments.length;
    } else {
      const isArchived = card.archived || res.columns.find((c) => c.column.sourceId === card.column)?.action === "archived";
      (isArchived ? archived : cards).create++;
      checklist.create += card.checklist.length;
      comments.create += card.comments.length;
      links.create += card.links.length;
      files.create += card.attachments?.length ?? 0;
      time.create += card.time?.length ?? 0;
    }
    if (report.rows.length < REPORT_ROWS) {
      const key = existing?.key ?? created?.get(card.sourceId);
      report.rows.push({
        sourceId: card.sourceId,
        title: card.title,
        where: column?.name ?? "",
        action: existing ? "skip" : "create",
        ...(existing
          ? {
              reason: `imported before as ${existing.key}${existing.deleted ? " (archived or deleted since)" : ""}${cp.comments.length ? `; ${cp.comments.length} new comment(s) added` : ""}`,
            }
          : card.archived
            ? { reason: "archived" }
            : {}),
        ...(key ? { key, url: `/${project.slug}/cards/${key}` } : {}),
      });
    }
  }
  time.create += plan.time?.length ?? 0;
  report.summary = report.summary.filter((s) => s.create + s.match + s.skip > 0 || s.kind === "cards");
  return report;
}

/** A file of the import written to the attachments folder before the transaction. */
type WrittenFile = { cardSourceId: string; storedName: string; originalName: string; mimeType: string; size: number };

async function writeFiles(res: Resolution, onProgress?: OnProgress): Promise<WrittenFile[]> {
  const todo = res.cards.filter((c) => !c.existing && c.card.attachments?.length);
  const total = todo.reduce((n, c) => n + (c.card.attachments?.length ?? 0), 0);
  if (total === 0) return [];
  await mkdir(attachmentsDir(), { recursive: true });
  const written: WrittenFile[] = [];
  try {
    for (const { card } of todo) {
      for (const a of card.attachments ?? []) {
        const bytes = await a.read();
        const storedName = randomBytes(16).toString("hex");
        await writeFile(storedPath(storedName), bytes, { mode: 0o640 });
        const sniffed = await fileTypeFromBuffer(bytes.subarray(0, 4100));
        written.push({
          cardSourceId: card.sourceId,
          storedName,
          originalName: cleanFileName(a.name),
          mimeType: sniffed?.mime ?? (isUtf8(bytes) ? "text/plain" : "application/octet-stream"),
          size: bytes.length,
        });
        onProgress?.({ phase: "files", done: written.length, total });
      }
    }
  } catch (e) {
    await removeStoredFiles(written.map((w) => w.storedName));
    throw e;
  }
  return written;
}

function isUtf8(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 65536));
    return true;
  } catch {
    return false;
  }
}

function descriptionOf(card: ImportCard, source: string, unmatched: PersonRef[]): string | null {
  const parts: string[] = [];
  if (card.description?.trim()) parts.push(card.description);
  if (card.links.length) {
    parts.push(
      `**Links**\n${card.links.map((l) => `- [${l.name.replace(/[[\]]/g, "")}](${l.url.replace(/[()\s]/g, encodeURIComponent)})`).join("\n")}`,
    );
  }
  if (unmatched.length) parts.push(`*${source}: ${unmatched.map(personText).join(", ")}*`);
  const text = parts.join("\n\n");
  return text ? clip(text, MAX_DESCRIPTION) : null;
}

function* write(
  actor: Actor,
  res: Resolution,
  plan: ImportBoard,
  files: WrittenFile[],
  onProgress?: OnProgress,
): Step<Map<string, string>> {
  const { project, scope } = res;
  const now = new Date();
  const source = SOURCE_NAMES[plan.source];
  const record = (kind: string, sourceId: string, targetId: number) =>
    exec(Prisma.sql`INSERT INTO import_items (created_at, scope, source, kind, source_id, target_id)
      VALUES (${now}, ${scope}, ${plan.source}, ${kind}, ${clip(sourceId)}, ${targetId})`);

  for (const c of res.removeColumns)
    yield* exec(Prisma.sql`DELETE FROM columns WHERE id = ${c.id} AND project_id = ${project.id}`);

  // Columns: in the import's order. A project without cards gets exactly that order; otherwise new
  // columns go after the existing ones.
  let [{ maxpos }] = yield* rows<{ maxpos: unknown }>(
    Prisma.sql`SELECT MAX(position) AS maxpos FROM columns WHERE project_id = ${project.id}`,
  );
  let last: number | null = res.isEmpty ? null : maxpos === null ? null : Number(maxpos);
  for (const c of res.columns) {
    if (c.action === "archived") continue;
    const position = positionBetween(last, null) as number;
    if (c.action === "create") {
      c.columnId = yield* insert(Prisma.sql`
        INSERT INTO columns (created_at, updated_at, project_id, name, position, wip_limit, color, is_done)
        VALUES (${now}, ${now}, ${project.id}, ${c.name}, ${position}, ${Math.max(0, Math.trunc(c.column.wipLimit ?? 0))},
          ${c.column.color ?? null}, ${c.column.isDone ?? false})`);
      last = position;
      yield* record("column", c.column.sourceId, c.columnId);
    } else if (res.isEmpty) {
      // The board takes the imported columns' order and WIP limits (a fresh project's defaults carry none).
      const wip = Math.max(0, Math.trunc(c.column.wipLimit ?? 0));
      yield* exec(Prisma.sql`UPDATE columns SET position = ${position}, wip_limit = CASE WHEN ${wip} > 0 THEN ${wip} ELSE wip_limit END,
        updated_at = ${now} WHERE id = ${c.columnId}`);
      if (c.column.isDone) yield* exec(Prisma.sql`UPDATE columns SET is_done = ${true} WHERE id = ${c.columnId}`);
      last = position;
    }
  }
  // "Done" is explicit: a board that carried no done column gets its last one marked.
  yield* ensureDoneColumnStep(project.id);
  maxpos = null;

  const labelIds = new Map<string, number>();
  let [{ n: labelCount }] = yield* rows<{ n: unknown }>(
    Prisma.sql`SELECT COUNT(*) AS n FROM labels WHERE project_id = ${project.id}`,
  );
  for (const l of res.labels) {
    if (l.labelId === null) {
      l.labelId = yield* insert(
        Prisma.sql`INSERT INTO labels (project_id, name, color) VALUES (${project.id}, ${l.name}, ${l.color})`,
      );
      labelCount = Number(labelCount) + 1;
    }
    labelIds.set(l.sourceId, l.labelId);
  }

  const todo = res.cards.filter((c) => !c.existing);
  // Numbers: reserved in one step on the counter row (locked until commit, as createCard does).
  let nextNumber: number;
  if (res.keepNumbers) {
    const max = Math.max(0, ...todo.map((c) => c.card.number ?? 0));
    yield* exec(
      Prisma.sql`UPDATE projects SET card_counter = CASE WHEN card_counter > ${max} THEN card_counter ELSE ${max} END WHERE id = ${project.id}`,
    );
    nextNumber = 0;
  } else {
    yield* exec(Prisma.sql`UPDATE projects SET card_counter = card_counter + ${todo.length} WHERE id = ${project.id}`);
    const [{ card_counter }] = yield* rows<{ card_counter: unknown }>(
      Prisma.sql`SELECT card_counter FROM projects WHERE id = ${project.id}`,
    );
    nextNumber = Number(card_counter) - todo.length + 1;
  }
  const [{ customer_id, max_rank }] = yield* rows<{ customer_id: unknown; max_rank: unknown }>(Prisma.sql`
    SELECT customer_id, (SELECT MAX(backlog_rank) FROM cards WHERE project_id = ${project.id}) AS max_rank FROM projects WHERE id = ${project.id}`);
  let rank = Number(max_rank ?? 0);
  const customerId = customer_id === null ? null : Number(customer_id);

  const lastInColumn = new Map<number, number | null>();
  for (const r of yield* rows<{ column_id: unknown; p: unknown }>(Prisma.sql`
    SELECT column_id, MAX(position) AS p FROM cards WHERE project_id = ${project.id} GROUP BY column_id`)) {
    lastInColumn.set(Number(r.column_id), r.p === null ? null : Number(r.p));
  }
  const dayTotals = new Map<string, number>();
  const created = new Map<string, string>();
  const ids = new Map<string, number>();
  const filesByCard = new Map<string, WrittenFile[]>();
  for (const f of files) filesByCard.set(f.cardSourceId, [...(filesByCard.get(f.cardSourceId) ?? []), f]);
  // Positions follow the source's order within each column (numbers follow the listing order).
  const positionOf = new Map<string, number>();
  const byColumn = new Map<number, { card: ImportCard; i: number }[]>();
  for (const [i, { card }] of todo.entries()) {
    const columnId = targetColumn(res, card)?.columnId;
    if (!columnId) throw new Error("no column for the card");
    byColumn.set(columnId, [...(byColumn.get(columnId) ?? []), { card, i }]);
  }
  for (const [columnId, list] of byColumn) {
    let last = lastInColumn.get(columnId) ?? null;
    for (const { card } of list.sort((a, b) => (a.card.order ?? a.i) - (b.card.order ?? b.i) || a.i - b.i)) {
      last = positionBetween(last, null) as number;
      positionOf.set(card.sourceId, last);
    }
  }
  const person = (p: PersonRef | null | undefined) => (p ? res.people.get(personKey(p)) : undefined);

  const authorOf = (c: ImportComment) => {
    const who = person(c.author);
    if (who?.user) return { userId: who.user.id, body: c.body };
    return { userId: actor.userId, body: `*${personText(c.author)} on ${source}:*\n\n${c.body}` };
  };

  const imported = new Set(
    (yield* rows<{ source_id: string }>(Prisma.sql`
      SELECT source_id FROM import_items WHERE scope = ${scope} AND source = ${plan.source} AND kind = ${"time_entry"}`)).map(
      (r) => r.source_id,
    ),
  );
  /** A time entry of a known user within the day's 24 hours; others are left out (the report counts them). */
  function* bookTime(t: ImportTime, cardId: number | null): Step<void> {
    const who = person(t.user)?.user;
    if (!who || t.minutes < 1 || t.minutes > 1440 || imported.has(clip(t.sourceId))) return;
    const dayKey = `${who.id}:${t.date}`;
    if (!dayTotals.has(dayKey)) {
      const [{ total }] = yield* rows<{ total: unknown }>(Prisma.sql`
        SELECT COALESCE(SUM(minutes), 0) AS total FROM time_entries WHERE user_id = ${who.id} AND date = ${new Date(`${t.date}T00:00:00Z`)}`);
      dayTotals.set(dayKey, Number(total));
    }
    const total = (dayTotals.get(dayKey) ?? 0) + t.minutes;
    if (total > 1440) return;
    dayTotals.set(dayKey, total);
    const entryId = yield* insert(Prisma.sql`
      INSERT INTO time_entries (created_at, updated_at, user_id, customer_id, project_id, card_id, contract_id, date, minutes, description)
      VALUES (${now}, ${now}, ${who.id}, ${customerId}, ${project.id}, ${cardId}, ${null}, ${new Date(`${t.date}T00:00:00Z`)}, ${t.minutes}, ${t.description})`);
    yield* record("time_entry", t.sourceId, entryId);
  }

  for (const [i, cp] of todo.entries()) {
    const { card } = cp;
    const column = targetColumn(res, card);
    if (!column?.columnId) throw new Error("no column for the card");
    const isArchived = card.archived || res.columns.find((c) => c.column.sourceId === card.column)?.action === "archived";
    const position = positionOf.get(card.sourceId) as number;
    rank = nextBacklogRank(rank);
    const number = res.keepNumbers ? (card.number as number) : nextNumber++;
    const members = card.members.map((m) => ({ m, who: person(m) }));
    const assignees = [...new Set(members.flatMap((x) => (x.who?.isMember && x.who.user ? [x.who.user.id] : [])))];
    const unmatched = members.filter((x) => !x.who?.isMember).map((x) => x.m);
    const creator = person(card.creator)?.user?.id ?? actor.userId;
    const createdAt = card.createdAt && !Number.isNaN(card.createdAt.getTime()) ? card.createdAt : now;
    const id = yield* insert(Prisma.sql`
      INSERT INTO cards (created_at, updated_at, deleted_at, column_id, project_id, title, description, position, priority, type,
        due_date, estimate_hours, number, story_points, parent_card_id, created_by, version, backlog_rank)
      VALUES (${createdAt}, ${now}, ${isArchived ? now : null}, ${column.columnId}, ${project.id}, ${clip(card.title)},
        ${descriptionOf(card, source, unmatched)}, ${position}, ${card.priority ?? "medium"}, ${clip(card.type ?? "task", 32)},
        ${card.dueDate ? new Date(`${card.dueDate}T00:00:00Z`) : null}, ${card.estimateHours ?? 0}, ${number},
        ${project.type === "scrum" ? (card.storyPoints ?? 0) : 0}, ${null}, ${creator}, 1, ${rank})`);
    ids.set(card.sourceId, id);
    const key = `${project.key}-${number}`;
    created.set(card.sourceId, key);
    for (const userId of assignees)
      yield* exec(Prisma.sql`INSERT INTO card_assignees (card_id, user_id) VALUES (${id}, ${userId})`);
    for (const labelId of new Set(card.labels.map((l) => labelIds.get(l)).filter((l): l is number => l !== undefined))) {
      yield* exec(Prisma.sql`INSERT INTO card_labels (card_id, label_id) VALUES (${id}, ${labelId})`);
    }
    let itemPos: number | null = null;
    for (const item of card.checklist) {
      itemPos = positionBetween(itemPos, null) as number;
      yield* exec(Prisma.sql`INSERT INTO card_checklist_items (created_at, updated_at, card_id, text, done, position)
        VALUES (${now}, ${now}, ${id}, ${clip(item.text.trim() || "(empty)", MAX_CHECK_ITEM)}, ${item.done}, ${itemPos})`);
    }
    for (const c of card.comments) {
      const { userId, body } = authorOf(c);
      const commentId = yield* insert(Prisma.sql`INSERT INTO card_comments (created_at, updated_at, card_id, user_id, body)
        VALUES (${c.createdAt}, ${c.createdAt}, ${id}, ${userId}, ${clip(body, MAX_COMMENT)})`);
      yield* record("comment", c.sourceId, commentId);
    }
    for (const f of filesByCard.get(card.sourceId) ?? []) {
      yield* exec(Prisma.sql`INSERT INTO attachments (created_at, deleted_at, owner_type, owner_id, stored_name, original_name, mime_type, size, uploaded_by)
        VALUES (${now}, ${isArchived ? now : null}, ${"card"}, ${id}, ${f.storedName}, ${f.originalName}, ${f.mimeType}, ${f.size}, ${actor.userId})`);
    }
    for (const t of card.time ?? []) yield* bookTime(t, id);
    yield* exec(Prisma.sql`INSERT INTO card_history (created_at, card_id, user_id, field, old_value, new_value)
      VALUES (${now}, ${id}, ${actor.userId}, ${"imported"}, ${null}, ${clip(card.sourceLabel, 1000)})`);
    yield* record("card", card.sourceId, id);
    if (i % 25 === 0) onProgress?.({ phase: "importing", done: i, total: todo.length });
  }
  // Parents after all cards exist (a child may come before its parent in the file).
  for (const cp of todo) {
    const parent = cp.card.parent ? ids.get(cp.card.parent) : undefined;
    if (parent !== undefined)
      yield* exec(Prisma.sql`UPDATE cards SET parent_card_id = ${parent} WHERE id = ${ids.get(cp.card.sourceId) as number}`);
  }
  for (const t of plan.time ?? []) yield* bookTime(t, null);
  // New comments on cards imported before.
  for (const cp of res.cards) {
    if (!cp.existing) continue;
    for (const c of cp.comments) {
      const { userId, body } = authorOf(c);
      const commentId = yield* insert(Prisma.sql`INSERT INTO card_comments (created_at, updated_at, card_id, user_id, body)
        VALUES (${c.createdAt}, ${c.createdAt}, ${cp.existing.id}, ${userId}, ${clip(body, MAX_COMMENT)})`);
      yield* record("comment", c.sourceId, commentId);
    }
  }
  onProgress?.({ phase: "importing", done: todo.length, total: todo.length });
  return created;
}

/**
 * Imports a board into the project `slug` (project admins), or with `dryRun` only says what it
 * would do. The whole board is one transaction.
 */
export async function importBoard(
  actor: Actor,
  slug: string,
  plan: ImportBoard,
  options: { dryRun: boolean; onProgress?: OnProgress },
): Promise<ImportReport> {
  const { project } = await requireProject(actor, slug, "admin");
  options.onProgress?.({ phase: "checking", done: 0, total: plan.cards.length });
  const preview = await run(() => resolve(project, plan));
  if (options.dryRun) return reportOf(preview, plan, true);

  const files = await writeFiles(preview, options.onProgress);
  let res: Resolution | undefined;
  let created: Map<string, string>;
  try {
    created = await transaction(function* () {
      // Locks the project row first (as creating a card does): a second import of the same file
      // waits here, then sees what this one recorded and skips it.
      yield* exec(Prisma.sql`UPDATE projects SET card_counter = card_counter WHERE id = ${project.id}`);
      res = yield* resolve(project, plan);
      const kept = new Set(res.cards.filter((c) => !c.existing).map((c) => c.card.sourceId));
      return yield* write(
        actor,
        res,
        plan,
        files.filter((f) => kept.has(f.cardSourceId)),
        options.onProgress,
      );
    });
  } catch (e) {
    await removeStoredFiles(files.map((f) => f.storedName));
    throw e;
  }
  const final = res as Resolution;
  const unused = files.filter((f) => !created.has(f.cardSourceId));
  if (unused.length) await removeStoredFiles(unused.map((f) => f.storedName));
  publish([{ room: projectRoom(project.id), type: "board.imported", data: { projectId: project.id, cards: created.size } }]);
  options.onProgress?.({ phase: "done", done: created.size, total: created.size });
  return reportOf(final, plan, false, created);
}
