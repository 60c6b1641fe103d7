// A WarmDesk project archive (lib/export/project.ts) back into a project, here or on another
// instance or engine: columns in their order, cards with their fields, numbers (when the target
// project has no cards yet), checklists, comments with their authors, files and time entries.

import { openZip, readEntry } from "../backup/zip.ts";
import { AppError } from "../errors.ts";
import type { ProjectExport } from "../export/project.ts";
import { addDropped, type ImportBoard, type ImportTime } from "./model.ts";
import { invalidFile, MAX_IMPORT_BYTES, parseJson } from "./text.ts";

type Person = { username: string; email: string } | null;
const ref = (p: Person) => (p ? { username: p.username, email: p.email, name: p.username } : null);

export async function warmdeskBoard(path: string): Promise<{ board: ImportBoard; close: () => void }> {
  let zip: Awaited<ReturnType<typeof openZip>>;
  try {
    zip = await openZip(path);
  } catch (e) {
    throw invalidFile(`This is not a WarmDesk project archive (a .zip file): ${(e as Error).message}.`);
  }
  try {
    const entry = zip.entries.get("warmdesk-project.json");
    if (!entry) throw invalidFile("This zip file is not a WarmDesk project archive: it has no warmdesk-project.json.");
    const data = parseJson((await readEntry(entry, MAX_IMPORT_BYTES)).toString("utf8"), "WarmDesk project") as ProjectExport;
    if (data?.format !== "warmdesk-project" || data.version !== 1)
      throw invalidFile(`This is not a WarmDesk project archive (format ${String(data?.format)}).`);
    const dropped: ImportBoard["dropped"] = [];
    const entryOf = (t: ProjectExport["timeEntries"][number]): ImportTime => ({
      sourceId: String(t.id),
      user: ref(t.user),
      date: t.date as string,
      minutes: t.minutes,
      description: t.description,
    });
    let deletedComments = 0;
    let files = 0;
    const board: ImportBoard = {
      kind: "board",
      source: "warmdesk",
      sourceId: `${data.project.slug}@${data.exportedAt}`,
      name: data.project.name,
      columns: data.columns.map((c) => ({
        sourceId: String(c.id),
        name: c.name,
        archived: false,
        wipLimit: c.wipLimit,
        color: c.color,
        isDone: c.isDone,
      })),
      labels: data.labels.map((l) => ({ sourceId: String(l.id), name: l.name, color: l.color })),
      cards: data.cards.map((c) => {
        deletedComments += c.comments.filter((m) => m.deleted).length;
        const live = c.attachments.filter((a) => !a.deleted);
        files += live.length;
        return {
          sourceId: String(c.id),
          sourceLabel: `WarmDesk card ${data.project.key}-${c.number} (${data.project.slug})`,
          column: String(c.columnId),
          order: c.position,
          title: c.title,
          description: c.description,
          dueDate: c.dueDate,
          archived: c.deleted,
          priority: c.priority as "low" | "medium" | "high" | "critical",
          type: c.type,
          estimateHours: c.estimateHours,
          storyPoints: c.storyPoints,
          labels: c.labels.map(String),
          members: c.assignees.map((a) => ref(a) ?? {}),
          createdAt: new Date(c.createdAt),
          creator: ref(c.createdBy),
          checklist: c.checklist,
          comments: c.comments
            .filter((m) => !m.deleted)
            .map((m) => ({ sourceId: String(m.id), author: ref(m.author), createdAt: new Date(m.createdAt), body: m.body })),
          links: [],
          attachments: live.map((a) => {
            const file = zip.entries.get(a.file);
            if (!file) throw invalidFile(`The archive lacks the file ${a.file} of card ${data.project.key}-${c.number}.`);
            return { name: a.name, mimeType: a.mimeType, read: () => readEntry(file, 4 * 1024 * 1024 * 1024) };
          }),
          time: c.timeEntries.map(entryOf),
          number: c.number,
          parent: c.parentId === null ? null : String(c.parentId),
        };
      }),
      time: data.timeEntries.map(entryOf),
      dropped,
      notes: [],
    };
    addDropped(dropped, "deleted comments", deletedComments, "not imported");
    addDropped(
      dropped,
      "card history entries",
      data.cards.reduce((n, c) => n + c.history.length, 0),
      "each card's history starts with its import",
    );
    addDropped(dropped, "topics", data.topics.length, "kept in the archive; importing topics is not available yet");
    addDropped(dropped, "chat messages", data.chat.length, "kept in the archive; importing chat is not available yet");
    if (files > 0) board.notes.push(`${files} file(s) come along; files of comments are attached to their card.`);
    return { board, close: () => zip.close() };
  } catch (e) {
    zip.close();
    if (e instanceof AppError) throw e;
    throw invalidFile(`The WarmDesk project archive is damaged: ${(e as Error).message}`);
  }
}
