// Wekan's board export (Board menu → Export board, `_format: "wekan-board-1.0.0"`): lists, cards,
// labels, checklists and their items, comments, users, and attached files inlined as base64.
// Wekan has swimlanes and custom fields, which WarmDesk does not: the report counts them.
import { z } from "zod";
import { parseInput } from "../errors.ts";
import { isoDay } from "./dates.ts";
import { addDropped, clip, type ImportBoard, type ImportCard, type PersonRef } from "./model.ts";
import { invalidFile } from "./text.ts";
import { mergeLabels } from "./trello.ts";

const ZId = z.string().min(1).max(191);
const ZWhen = z.union([z.string(), z.number()]).refine((v) => !Number.isNaN(new Date(v).getTime()), "not a date");
const ZSort = z.number().nullish();

const ZWekan = z.object({
  _format: z.string().regex(/^wekan-board-1\./, "not a Wekan board export"),
  _id: ZId,
  title: z.string(),
  archived: z.boolean().nullish(),
  labels: z.array(z.object({ _id: ZId, name: z.string().nullish(), color: z.string().nullish() })).default([]),
  lists: z.array(
    z.object({
      _id: ZId,
      title: z.string(),
      archived: z.boolean().nullish(),
      sort: ZSort,
      wipLimit: z.object({ value: z.number().nullish(), enabled: z.boolean().nullish() }).nullish(),
      color: z.string().nullish(),
    }),
  ),
  cards: z.array(
    z.object({
      _id: ZId,
      title: z.string(),
      description: z.string().nullish(),
      listId: ZId,
      swimlaneId: z.string().nullish(),
      archived: z.boolean().nullish(),
      sort: ZSort,
      labelIds: z.array(z.string()).nullish(),
      members: z.array(z.string()).nullish(),
      assignees: z.array(z.string()).nullish(),
      userId: z.string().nullish(),
      dueAt: ZWhen.nullish(),
      createdAt: ZWhen.nullish(),
      spentTime: z.number().nullish(),
      customFields: z.array(z.object({ _id: z.string(), value: z.unknown() })).nullish(),
      parentId: z.string().nullish(),
    }),
  ),
  swimlanes: z.array(z.object({ _id: z.string(), title: z.string().nullish() })).default([]),
  customFields: z.array(z.object({ _id: z.string(), name: z.string().nullish() })).default([]),
  comments: z
    .array(z.object({ _id: ZId, cardId: z.string(), text: z.string(), userId: z.string().nullish(), createdAt: ZWhen }))
    .default([]),
  checklists: z.array(z.object({ _id: ZId, cardId: z.string(), title: z.string().nullish(), sort: ZSort })).default([]),
  checklistItems: z
    .array(
      z.object({
        _id: ZId,
        checklistId: z.string(),
        cardId: z.string().nullish(),
        title: z.string(),
        sort: ZSort,
        isFinished: z.boolean().nullish(),
      }),
    )
    .default([]),
  attachments: z
    .array(
      z.object({
        _id: z.string(),
        cardId: z.string().nullish(),
        file: z.string().nullish(),
        name: z.string().nullish(),
        type: z.string().nullish(),
      }),
    )
    .default([]),
  users: z
    .array(
      z.object({
        _id: z.string(),
        username: z.string().nullish(),
        profile: z.object({ fullname: z.string().nullish() }).nullish(),
        emails: z.array(z.object({ address: z.string() })).nullish(),
      }),
    )
    .default([]),
  rules: z.array(z.unknown()).default([]),
  subtaskItems: z.array(z.unknown()).default([]),
});

export function wekanBoard(data: unknown): ImportBoard {
  if (!data || typeof data !== "object" || Array.isArray(data))
    throw invalidFile("This is not a Wekan board export (expected a JSON object).");
  if (!("_format" in data)) {
    throw invalidFile(
      "idOrganization" in data || "actions" in data
        ? "This is a Trello export, not a Wekan one: choose Trello."
        : "This is not a Wekan board export: it has no `_format`.",
    );
  }
  const board = parseInput(ZWekan, data);
  const dropped: ImportBoard["dropped"] = [];
  const users = new Map<string, PersonRef>(
    board.users.map((u) => [
      u._id,
      { username: u.username ?? null, name: u.profile?.fullname ?? null, email: u.emails?.[0]?.address ?? null },
    ]),
  );
  const who = (id: string | null | undefined): PersonRef | null =>
    id ? (users.get(id) ?? { name: `deleted Wekan user ${id}` }) : null;
  const labels = mergeLabels(
    board.labels.map((l) => ({ sourceId: l._id, name: (l.name ?? "").trim() || l.color || "label", color: l.color })),
  );
  const listIds = new Set(board.lists.map((l) => l._id));

  const itemsByChecklist = new Map<string, typeof board.checklistItems>();
  for (const i of board.checklistItems) itemsByChecklist.set(i.checklistId, [...(itemsByChecklist.get(i.checklistId) ?? []), i]);
  const checklistsByCard = new Map<string, typeof board.checklists>();
  for (const c of board.checklists) checklistsByCard.set(c.cardId, [...(checklistsByCard.get(c.cardId) ?? []), c]);
  const commentsByCard = new Map<string, ImportCard["comments"]>();
  for (const c of board.comments) {
    commentsByCard.set(c.cardId, [
      ...(commentsByCard.get(c.cardId) ?? []),
      { sourceId: c._id, author: who(c.userId), createdAt: new Date(c.createdAt), body: c.text },
    ]);
  }
  const filesByCard = new Map<string, typeof board.attachments>();
  let filesWithoutData = 0;
  for (const a of board.attachments) {
    if (!a.cardId) continue;
    if (!a.file) {
      filesWithoutData++;
      continue;
    }
    filesByCard.set(a.cardId, [...(filesByCard.get(a.cardId) ?? []), a]);
  }

  const cardIds = new Set(board.cards.map((c) => c._id));
  let multiChecklist = 0;
  let customValues = 0;
  let spent = 0;
  const cards: ImportCard[] = board.cards.map((c, i) => {
    if (!listIds.has(c.listId))
      throw invalidFile(
        `Card "${clip(c.title, 60)}" (cards[${i}]) is in list ${c.listId}, which the export does not have.`,
        "cards",
      );
    const lists = (checklistsByCard.get(c._id) ?? []).sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0));
    if (lists.length > 1) multiChecklist++;
    customValues += (c.customFields ?? []).filter((f) => f.value !== null && f.value !== undefined && f.value !== "").length;
    if (c.spentTime) spent++;
    const people = [...new Set([...(c.assignees ?? []), ...(c.members ?? [])])];
    return {
      sourceId: c._id,
      sourceLabel: `Wekan card ${c._id}`,
      column: c.listId,
      order: c.sort ?? i,
      title: c.title.trim() || "(untitled)",
      description: c.description?.trim() ? c.description : null,
      dueDate: c.dueAt ? isoDay(new Date(c.dueAt)) : null,
      archived: c.archived ?? false,
      labels: (c.labelIds ?? [])
        .map((id) => labels.idFor.get(id) ?? id)
        .filter((id) => labels.list.some((l) => l.sourceId === id)),
      members: people.map((id) => who(id) as PersonRef),
      createdAt: c.createdAt ? new Date(c.createdAt) : null,
      creator: who(c.userId),
      checklist: lists.flatMap((l) =>
        (itemsByChecklist.get(l._id) ?? [])
          .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0))
          .map((item) => ({
            text: lists.length > 1 && l.title ? `${l.title}: ${item.title}` : item.title,
            done: item.isFinished ?? false,
          })),
      ),
      comments: (commentsByCard.get(c._id) ?? []).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
      links: [],
      attachments: (filesByCard.get(c._id) ?? []).map((a) => ({
        name: a.name ?? "file",
        mimeType: a.type ?? null,
        read: async () => Buffer.from(a.file as string, "base64"),
      })),
      parent: c.parentId && cardIds.has(c.parentId) ? c.parentId : null,
    };
  });
  addDropped(
    dropped,
    "swimlanes",
    board.swimlanes.length > 1 ? board.swimlanes.length : 0,
    "WarmDesk boards have no swimlanes: the cards of all swimlanes share the columns",
  );
  addDropped(
    dropped,
    "custom fields",
    board.customFields.length,
    `WarmDesk has no custom fields (${customValues} values on cards not carried over)`,
  );
  addDropped(
    dropped,
    "cards with several checklists",
    multiChecklist,
    "merged into one checklist, items prefixed with the checklist's name",
  );
  addDropped(dropped, "spent-time values", spent, "Wekan keeps hours without a date or person: not booked as time entries");
  addDropped(dropped, "rules", board.rules.length, "WarmDesk has no board automation rules");
  addDropped(dropped, "files without their data", filesWithoutData, "the export has only their name");
  return {
    kind: "board",
    source: "wekan",
    sourceId: board._id,
    name: board.title,
    columns: [...board.lists]
      .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0))
      .map((l) => ({
        sourceId: l._id,
        name: l.title.trim() || "(untitled list)",
        archived: l.archived ?? false,
        wipLimit: l.wipLimit?.enabled ? (l.wipLimit.value ?? 0) : 0,
      })),
    labels: labels.list,
    cards,
    dropped,
    notes: [],
  };
}
