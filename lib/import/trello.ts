// Trello's board export (Board menu → Print, export and share → Export as JSON): lists, cards,
// labels, checklists, members, and the board's actions, of which comments are the `commentCard`
// ones. Trello keeps at most the last 1,000 actions in an export, so older comments may be missing.
import { z } from "zod";
import { parseInput } from "../errors.ts";
import { isoDay } from "./dates.ts";
import { addDropped, clip, type ImportBoard, type ImportCard, labelColor, type PersonRef } from "./model.ts";
import { invalidFile } from "./text.ts";

const ZId = z.string().min(1).max(191);
const ZWhen = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date");
const ZTrello = z.object({
  id: ZId,
  name: z.string(),
  url: z.string().nullish(),
  labels: z.array(z.object({ id: ZId, name: z.string().nullish(), color: z.string().nullish() })).default([]),
  lists: z.array(z.object({ id: ZId, name: z.string(), closed: z.boolean().default(false), pos: z.number().default(0) })),
  cards: z.array(
    z.object({
      id: ZId,
      idShort: z.number().nullish(),
      name: z.string(),
      desc: z.string().nullish(),
      closed: z.boolean().default(false),
      due: ZWhen.nullish(),
      dueComplete: z.boolean().nullish(),
      start: z.string().nullish(),
      idList: ZId,
      idLabels: z.array(z.string()).default([]),
      idMembers: z.array(z.string()).default([]),
      pos: z.number().default(0),
      url: z.string().nullish(),
      shortUrl: z.string().nullish(),
      attachments: z
        .array(z.object({ id: z.string(), name: z.string().nullish(), url: z.string(), isUpload: z.boolean().nullish() }))
        .default([]),
    }),
  ),
  checklists: z
    .array(
      z.object({
        id: ZId,
        idCard: ZId,
        name: z.string().nullish(),
        pos: z.number().default(0),
        checkItems: z
          .array(z.object({ id: z.string(), name: z.string(), state: z.string(), pos: z.number().default(0) }))
          .default([]),
      }),
    )
    .default([]),
  members: z
    .array(z.object({ id: ZId, username: z.string().nullish(), fullName: z.string().nullish(), email: z.string().nullish() }))
    .default([]),
  actions: z
    .array(
      z.object({
        id: ZId,
        type: z.string(),
        date: ZWhen,
        idMemberCreator: z.string().nullish(),
        memberCreator: z.object({ username: z.string().nullish(), fullName: z.string().nullish() }).nullish(),
        data: z
          .object({ text: z.string().nullish(), card: z.object({ id: z.string() }).nullish() })
          .passthrough()
          .nullish(),
      }),
    )
    .default([]),
  customFields: z.array(z.unknown()).default([]),
  pluginData: z.array(z.unknown()).default([]),
});

/** Trello ids start with the creation time (seconds, 8 hex digits). */
export function trelloIdTime(id: string): Date | null {
  if (!/^[0-9a-f]{24}$/.test(id)) return null;
  const d = new Date(Number.parseInt(id.slice(0, 8), 16) * 1000);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function looksLikeTrello(data: unknown): boolean {
  const d = data as Record<string, unknown> | null;
  return (
    !!d && typeof d === "object" && Array.isArray(d.lists) && Array.isArray(d.cards) && !("_format" in d) && "idOrganization" in d
  );
}

export function trelloBoard(data: unknown): ImportBoard {
  if (!data || typeof data !== "object" || Array.isArray(data))
    throw invalidFile("This is not a Trello board export (expected a JSON object).");
  if ("_format" in data) throw invalidFile("This is a Wekan export, not a Trello one: choose Wekan.");
  if (!("lists" in data) || !("cards" in data))
    throw invalidFile("This is not a Trello board export: it has no `lists` and `cards`.");
  const board = parseInput(ZTrello, data);
  const dropped: ImportBoard["dropped"] = [];
  const notes: string[] = [];

  const members = new Map<string, PersonRef>(
    board.members.map((m) => [m.id, { username: m.username ?? null, name: m.fullName ?? null, email: m.email ?? null }]),
  );
  const listIds = new Set(board.lists.map((l) => l.id));
  const labels = mergeLabels(
    board.labels.map((l) => ({ sourceId: l.id, name: (l.name ?? "").trim() || l.color || "label", color: l.color })),
  );

  const checklists = new Map<string, typeof board.checklists>();
  for (const c of board.checklists) checklists.set(c.idCard, [...(checklists.get(c.idCard) ?? []), c]);

  const comments = new Map<string, ImportCard["comments"]>();
  let otherActions = 0;
  for (const a of board.actions) {
    if (a.type !== "commentCard" || !a.data?.card?.id || !a.data.text) {
      otherActions++;
      continue;
    }
    const author: PersonRef | null =
      (a.idMemberCreator ? members.get(a.idMemberCreator) : undefined) ??
      (a.memberCreator ? { username: a.memberCreator.username ?? null, name: a.memberCreator.fullName ?? null } : null);
    const list = comments.get(a.data.card.id) ?? [];
    list.push({ sourceId: a.id, author, createdAt: new Date(a.date), body: a.data.text });
    comments.set(a.data.card.id, list);
  }
  if (board.actions.length >= 1000) {
    notes.push("Trello puts at most the last 1,000 actions into an export: comments older than those are not in the file.");
  }

  const cards: ImportCard[] = [];
  const sorted = [...board.cards].sort((a, b) => (a.idShort ?? 0) - (b.idShort ?? 0) || a.pos - b.pos);
  let uploads = 0;
  let multiChecklist = 0;
  let dueComplete = 0;
  for (const [i, c] of sorted.entries()) {
    if (!listIds.has(c.idList))
      throw invalidFile(
        `Card "${clip(c.name, 60)}" (cards[${i}]) is in list ${c.idList}, which the export does not have.`,
        "cards",
      );
    const lists = (checklists.get(c.id) ?? []).sort((a, b) => a.pos - b.pos);
    if (lists.length > 1) multiChecklist++;
    const checklist = lists.flatMap((l) =>
      [...l.checkItems]
        .sort((a, b) => a.pos - b.pos)
        .map((item) => ({
          text: lists.length > 1 && l.name ? `${l.name}: ${item.name}` : item.name,
          done: item.state === "complete",
        })),
    );
    uploads += c.attachments.filter((a) => a.isUpload).length;
    if (c.dueComplete) dueComplete++;
    const known = c.idMembers.map((id) => members.get(id) ?? { name: `deleted Trello member ${id}` });
    cards.push({
      sourceId: c.id,
      sourceLabel: `Trello card ${c.shortUrl ?? c.url ?? c.id}`,
      column: c.idList,
      order: c.pos,
      title: c.name.trim() || "(untitled)",
      description: c.desc?.trim() ? c.desc : null,
      dueDate: c.due ? isoDay(new Date(c.due)) : null,
      archived: c.closed,
      labels: c.idLabels.map((id) => labels.idFor.get(id) ?? id).filter((id) => labels.list.some((l) => l.sourceId === id)),
      members: known,
      createdAt: trelloIdTime(c.id),
      checklist,
      comments: (comments.get(c.id) ?? []).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
      links: c.attachments.map((a) => ({ name: a.name?.trim() || a.url, url: a.url })),
    });
  }
  addDropped(
    dropped,
    "uploaded files",
    uploads,
    "kept as links to Trello (they need a Trello sign-in: download them before the Trello board is closed)",
  );
  addDropped(
    dropped,
    "cards with several checklists",
    multiChecklist,
    "merged into one checklist, items prefixed with the checklist's name",
  );
  addDropped(
    dropped,
    "“due date done” marks",
    dueComplete,
    "WarmDesk has no such mark (the card's column says whether it is done)",
  );
  addDropped(dropped, "custom fields", board.customFields.length, "WarmDesk has no custom fields");
  addDropped(dropped, "Power-Up data", board.pluginData.length, "not carried over");
  addDropped(
    dropped,
    "other actions (history)",
    otherActions,
    "only comments are imported; the rest of Trello's activity log is not",
  );

  return {
    kind: "board",
    source: "trello",
    sourceId: board.id,
    name: board.name,
    columns: [...board.lists]
      .sort((a, b) => a.pos - b.pos)
      .map((l) => ({ sourceId: l.id, name: l.name.trim() || "(untitled list)", archived: l.closed })),
    labels: labels.list,
    cards,
    dropped,
    notes,
  };
}

/** Labels with the same name (Trello allows two "Bug" labels) become one; colours map to #rrggbb. */
export function mergeLabels(raw: { sourceId: string; name: string; color: string | null | undefined }[]) {
  const list: ImportBoard["labels"] = [];
  const idFor = new Map<string, string>();
  for (const l of raw) {
    const name = clip(l.name.trim(), 64);
    const same = list.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (same) idFor.set(l.sourceId, same.sourceId);
    else {
      list.push({ sourceId: l.sourceId, name, color: labelColor(l.color) });
      idFor.set(l.sourceId, l.sourceId);
    }
  }
  return { list, idFor };
}
