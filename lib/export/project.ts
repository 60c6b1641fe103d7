// A project out of WarmDesk: one zip archive (warmdesk-project.json and every attached file) that
// `import warmdesk` reads back on another instance or engine, and a CSV of its cards for
// spreadsheets. The archive holds everyone's comments, time entries and files, so it takes the
// project admin role; the CSV holds what the board shows, so any reader may have it.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { STORED_NAME, storedPath } from "../attachments/files.ts";
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { ZipWriter } from "../backup/zip.ts";
import { getConfig } from "../config.ts";
import { getDb } from "../db/client.ts";

export const EXPORT_FORMAT = "warmdesk-project";

const person = (u: { username: string; email: string } | null) => (u ? { username: u.username, email: u.email } : null);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** Everything of a project as plain JSON (ids are this instance's; the importer maps them). */
export async function projectData(actor: Actor, slug: string) {
  const { project } = await requireProject(actor, slug, "admin");
  const db = getDb();
  const user = { select: { username: true, email: true } } as const;
  const [full, columns, labels, cards, topics, chat, time] = await Promise.all([
    db.project.findUniqueOrThrow({
      where: { id: project.id },
      select: { name: true, key: true, slug: true, type: true, description: true, color: true, cardCounter: true },
    }),
    db.column.findMany({ where: { projectId: project.id }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    db.label.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } }),
    db.card.findMany({
      where: { projectId: project.id },
      orderBy: { number: "asc" },
      include: {
        createdBy: user,
        assignees: { include: { user } },
        labels: true,
        checklist: { orderBy: [{ position: "asc" }, { id: "asc" }] },
        comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { user } },
        history: { orderBy: { id: "asc" }, include: { user } },
        timeEntries: { orderBy: { id: "asc" }, include: { user } },
      },
    }),
    db.topic.findMany({
      where: { projectId: project.id },
      orderBy: { id: "asc" },
      include: { user, replies: { orderBy: { id: "asc" }, include: { user } } },
    }),
    db.chatMessage.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" }, include: { user } }),
    db.timeEntry.findMany({ where: { projectId: project.id, cardId: null }, orderBy: { id: "asc" }, include: { user } }),
  ]);
  const cardIds = cards.map((c) => c.id);
  const commentIds = cards.flatMap((c) => c.comments.map((m) => m.id));
  const attachments = await db.attachment.findMany({
    where: {
      OR: [
        { ownerType: "card", ownerId: { in: cardIds } },
        { ownerType: "card_comment", ownerId: { in: commentIds } },
      ],
    },
    orderBy: { id: "asc" },
  });
  const entry = (t: (typeof time)[number]) => ({
    id: t.id,
    user: person(t.user),
    date: day(t.date),
    minutes: t.minutes,
    description: t.description,
  });
  return {
    project,
    data: {
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: new Date().toISOString(),
      project: full,
      columns: columns.map((c) => ({
        id: c.id,
        name: c.name,
        position: c.position,
        wipLimit: c.wipLimit,
        color: c.color,
        isDone: c.isDone,
      })),
      labels: labels.map((l) => ({ id: l.id, name: l.name, color: l.color })),
      cards: cards.map((c) => ({
        id: c.id,
        number: c.number,
        columnId: c.columnId,
        position: c.position,
        title: c.title,
        description: c.description,
        priority: c.priority,
        type: c.type,
        dueDate: day(c.dueDate),
        estimateHours: c.estimateHours,
        storyPoints: c.storyPoints,
        parentId: c.parentCardId,
        createdAt: c.createdAt.toISOString(),
        createdBy: person(c.createdBy),
        deleted: c.deletedAt !== null,
        assignees: c.assignees.map((a) => person(a.user)),
        labels: c.labels.map((l) => l.labelId),
        checklist: c.checklist.map((i) => ({ text: i.text, done: i.done })),
        comments: c.comments.map((m) => ({
          id: m.id,
          author: person(m.user),
          createdAt: m.createdAt.toISOString(),
          body: m.body,
          deleted: m.deletedAt !== null,
        })),
        history: c.history.map((h) => ({
          user: person(h.user),
          field: h.field,
          oldValue: h.oldValue,
          newValue: h.newValue,
          createdAt: h.createdAt.toISOString(),
        })),
        timeEntries: c.timeEntries.map(entry),
        attachments: attachments
          .filter(
            (a) =>
              (a.ownerType === "card" && a.ownerId === c.id) ||
              (a.ownerType === "card_comment" && c.comments.some((m) => m.id === a.ownerId)),
          )
          .map((a) => ({
            id: a.id,
            name: a.originalName,
            mimeType: a.mimeType,
            size: a.size,
            deleted: a.deletedAt !== null,
            file: `files/${a.storedName}`,
          })),
      })),
      timeEntries: time.map(entry),
      topics: topics.map((t) => ({
        id: t.id,
        title: t.title,
        body: t.body,
        author: person(t.user),
        createdAt: t.createdAt.toISOString(),
        pinned: t.pinned,
        locked: t.locked,
        deleted: t.deletedAt !== null,
        replies: t.replies.map((r) => ({
          id: r.id,
          author: person(r.user),
          body: r.body,
          createdAt: r.createdAt.toISOString(),
          deleted: r.deletedAt !== null,
        })),
      })),
      chat: chat.map((m) => ({
        id: m.id,
        author: person(m.user),
        body: m.body,
        bot: m.isBot ? m.botName : null,
        createdAt: m.createdAt.toISOString(),
        deleted: m.deletedAt !== null,
      })),
    },
    attachments,
  };
}
export type ProjectExport = Awaited<ReturnType<typeof projectData>>["data"];

/** Writes the project's archive to a temporary file; the caller streams it and calls `remove`. */
export async function exportProjectArchive(
  actor: Actor,
  slug: string,
): Promise<{ path: string; filename: string; remove: () => Promise<void> }> {
  const { project, data, attachments } = await projectData(actor, slug);
  const dir = join(getConfig().dataDir, "tmp");
  await mkdir(dir, { recursive: true });
  const path = join(dir, `export-${randomBytes(12).toString("hex")}.zip`);
  const zip = new ZipWriter(path);
  zip.addText(JSON.stringify(data, null, 1), "warmdesk-project.json");
  for (const a of attachments) {
    if (STORED_NAME.test(a.storedName) && existsSync(storedPath(a.storedName)))
      zip.addFile(storedPath(a.storedName), `files/${a.storedName}`);
  }
  await zip.close();
  const stamp = new Date().toISOString().slice(0, 10);
  return { path, filename: `${project.slug}-${stamp}.zip`, remove: () => rm(path, { force: true }) };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // A leading = + - @ would be a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The project's live cards as CSV (UTF-8 with BOM so that spreadsheets detect it). Readers may have it. */
export async function exportProjectCsv(actor: Actor, slug: string): Promise<{ csv: string; filename: string }> {
  const { project } = await requireProject(actor, slug);
  const db = getDb();
  const cards = await db.card.findMany({
    where: { projectId: project.id, deletedAt: null },
    orderBy: [{ column: { position: "asc" } }, { position: "asc" }, { id: "asc" }],
    include: {
      column: { select: { name: true } },
      assignees: { include: { user: { select: { username: true } } } },
      labels: { include: { label: { select: { name: true } } } },
      checklist: { select: { done: true } },
      parent: { select: { number: true } },
      _count: { select: { comments: { where: { deletedAt: null } } } },
    },
  });
  const minutes = await db.timeEntry.groupBy({
    by: ["cardId"],
    where: { projectId: project.id, cardId: { not: null } },
    _sum: { minutes: true },
  });
  const booked = new Map(minutes.map((m) => [m.cardId, m._sum.minutes ?? 0]));
  const header = [
    "Key",
    "Title",
    "Column",
    "Priority",
    "Type",
    "Assignees",
    "Labels",
    "Due date",
    "Estimate (h)",
    "Story points",
    "Checklist",
    "Comments",
    "Time booked (h)",
    "Parent",
    "Created",
    "Description",
  ];
  const lines = [header.join(",")];
  for (const c of cards) {
    lines.push(
      [
        `${project.key}-${c.number}`,
        c.title,
        c.column.name,
        c.priority,
        c.type,
        c.assignees.map((a) => a.user.username).join(", "),
        c.labels.map((l) => l.label.name).join(", "),
        day(c.dueDate),
        c.estimateHours || "",
        c.storyPoints || "",
        c.checklist.length ? `${c.checklist.filter((i) => i.done).length}/${c.checklist.length}` : "",
        c._count.comments,
        booked.has(c.id) ? ((booked.get(c.id) ?? 0) / 60).toFixed(2) : "",
        c.parent ? `${project.key}-${c.parent.number}` : "",
        c.createdAt.toISOString(),
        c.description ?? "",
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return { csv: `\uFEFF${lines.join("\r\n")}\r\n`, filename: `${project.slug}-cards.csv` };
}
