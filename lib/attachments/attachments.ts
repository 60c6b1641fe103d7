// Attachments: files on cards, card comments, project chat messages and conversation messages.
// One polymorphic table (owner_type, owner_id); rows go soft-deleted with their owner and come back
// with it; files are served only to those who can read the owner.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { requireProject } from "../auth/access.ts";
import type { Actor } from "../auth/actor.ts";
import { findCard } from "../boards/find-card.ts";
import { getDb, type Tx } from "../db/client.ts";
import { AppError, notFound } from "../errors.ts";
import { conversationRoom, projectRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { getSetting } from "../settings/settings.ts";
import { type OwnerType, ownerAccess } from "./access.ts";
import { INLINE_IMAGE_TYPES, receiveFiles, removeStoredFiles, type StoredFile, storedPath, thumbnailOf } from "./files.ts";

const SELECT = {
  id: true,
  createdAt: true,
  ownerType: true,
  ownerId: true,
  storedName: true,
  originalName: true,
  mimeType: true,
  size: true,
  uploadedById: true,
  uploadedBy: { select: { username: true } },
} as const;

type Row = {
  id: number;
  createdAt: Date;
  ownerType: string;
  ownerId: number;
  storedName: string;
  originalName: string;
  mimeType: string;
  size: number;
  uploadedById: number | null;
  uploadedBy: { username: string } | null;
};

export function attachmentJson(r: Row) {
  const url = `/api/v1/attachments/${r.id}`;
  const isImage = INLINE_IMAGE_TYPES.has(r.mimeType);
  return {
    id: r.id,
    url,
    thumbnailUrl: isImage ? `${url}?thumb=1` : null,
    isImage,
    mimeType: r.mimeType,
    size: r.size,
    originalName: r.originalName,
    ownerType: r.ownerType,
    ownerId: r.ownerId,
    uploadedBy: r.uploadedById === null ? null : { id: r.uploadedById, username: r.uploadedBy?.username ?? "" },
    createdAt: r.createdAt.toISOString(),
  };
}
export type AttachmentJson = ReturnType<typeof attachmentJson>;

const parseId = (raw: string | number) => {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
};

/** Stores the request's files and their rows; files are removed again when the rows cannot be written. */
async function storeFor(
  actor: Actor,
  req: Request,
  ownerType: OwnerType,
  stillThere: (tx: Tx) => Promise<number>,
  room: string,
  cardKey: () => string | undefined,
) {
  const maxBytes = (await getSetting("max_upload_mb")) * 1024 * 1024;
  const files: StoredFile[] = await receiveFiles(req, maxBytes);
  let created: AttachmentJson[];
  try {
    created = await getDb().$transaction(async (tx) => {
      const ownerId = await stillThere(tx);
      const out: AttachmentJson[] = [];
      for (const f of files) {
        const row = await tx.attachment.create({
          data: { ...f, ownerType, ownerId, uploadedById: actor.userId },
          select: SELECT,
        });
        out.push(attachmentJson(row));
      }
      return out;
    });
  } catch (e) {
    await removeStoredFiles(files.map((f) => f.storedName));
    throw e;
  }
  const key = cardKey();
  publish(created.map((a) => ({ room, type: "attachment.created" as const, data: key ? { ...a, cardKey: key } : a })));
  return created.length === 1 ? created[0] : created;
}

/** POST …/cards/{key}/attachments: members and above. One file: the attachment; several: an array. */
export async function uploadCardAttachments(actor: Actor, slug: string, key: string, req: Request) {
  const { project } = await requireProject(actor, slug, "member");
  const card = await findCard(getDb() as unknown as Tx, project, key);
  const cardKey = `${project.key}-${card.number}`;
  return storeFor(
    actor,
    req,
    "card",
    async (tx) => (await findCard(tx, project, key)).id,
    projectRoom(project.id),
    () => cardKey,
  );
}

/** POST …/comments/{id}/attachments: the comment's author (as for editing it). */
export async function uploadCommentAttachments(actor: Actor, slug: string, key: string, commentId: string, req: Request) {
  const { project } = await requireProject(actor, slug, "member");
  const id = parseId(commentId);
  let cardKey = "";
  const find = async (tx: Tx) => {
    const card = await findCard(tx, project, key);
    cardKey = `${project.key}-${card.number}`;
    const comment = id
      ? await tx.cardComment.findFirst({ where: { id, cardId: card.id, deletedAt: null }, select: { id: true, userId: true } })
      : null;
    if (!comment) throw notFound("Comment not found");
    if (comment.userId !== actor.userId) throw new AppError("forbidden", "Only the author may attach files to a comment.");
    return comment.id;
  };
  await find(getDb() as unknown as Tx);
  return storeFor(actor, req, "card_comment", find, projectRoom(project.id), () => cardKey);
}

/**
 * POST …/projects/{slug}/messages/{id}/attachments and …/conversations/{id}/messages/{messageId}/attachments:
 * the message's author adds files to it (the composer sends the text, then its files). A message of
 * another channel than the route's is not found.
 */
async function uploadMessageAttachments(
  actor: Actor,
  ownerType: "chat_message" | "conv_message",
  channelRoom: string,
  rawMessageId: string,
  req: Request,
) {
  const id = parseId(rawMessageId);
  const check = async () => {
    const access = id ? await ownerAccess(actor, ownerType, id) : null;
    if (!access || access.room !== channelRoom) throw notFound("Message not found");
    if (!access.canWrite) throw new AppError("forbidden", "Only the author may attach files to a message.");
    return id as number;
  };
  await check();
  return storeFor(actor, req, ownerType, check, channelRoom, () => undefined);
}

export async function uploadChatAttachments(actor: Actor, slug: string, messageId: string, req: Request) {
  const { project } = await requireProject(actor, slug);
  return uploadMessageAttachments(actor, "chat_message", projectRoom(project.id), messageId, req);
}

export async function uploadConversationAttachments(actor: Actor, conversationId: string, messageId: string, req: Request) {
  return uploadMessageAttachments(actor, "conv_message", conversationRoom(Number(conversationId)), messageId, req);
}

/** The live attachments of these owners, oldest first, by owner id (for message lists). */
export async function attachmentsOf(ownerType: OwnerType, ownerIds: number[]): Promise<Map<number, AttachmentJson[]>> {
  const byOwner = new Map<number, AttachmentJson[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await getDb().attachment.findMany({
    where: { ownerType, ownerId: { in: ownerIds }, deletedAt: null },
    orderBy: { id: "asc" },
    select: SELECT,
  });
  for (const r of rows) {
    const list = byOwner.get(r.ownerId) ?? [];
    list.push(attachmentJson(r));
    byOwner.set(r.ownerId, list);
  }
  return byOwner;
}

/** The live attachments of a card and of its live comments, oldest first. */
export async function listCardAttachments(actor: Actor, slug: string, key: string) {
  const { project } = await requireProject(actor, slug);
  const db = getDb() as unknown as Tx;
  const card = await findCard(db, project, key);
  const comments = await db.cardComment.findMany({ where: { cardId: card.id, deletedAt: null }, select: { id: true } });
  const rows = await db.attachment.findMany({
    where: {
      deletedAt: null,
      OR: [
        { ownerType: "card", ownerId: card.id },
        ...(comments.length ? [{ ownerType: "card_comment", ownerId: { in: comments.map((c) => c.id) } }] : []),
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1000,
    select: SELECT,
  });
  return rows.map(attachmentJson);
}

/** Live attachment counts per card (the card's own). */
export async function attachmentCounts(tx: Tx, cardIds: number[]): Promise<Map<number, number>> {
  if (cardIds.length === 0) return new Map();
  const groups = await tx.attachment.groupBy({
    by: ["ownerId"],
    where: { ownerType: "card", ownerId: { in: cardIds }, deletedAt: null },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.ownerId, g._count._all]));
}

/** A live attachment the actor can read, with its owner's access; 404 otherwise. */
async function readable(actor: Actor, rawId: string | number) {
  const id = parseId(rawId);
  const row = id ? await getDb().attachment.findFirst({ where: { id, deletedAt: null }, select: SELECT }) : null;
  const access = row ? await ownerAccess(actor, row.ownerType, row.ownerId) : null;
  if (!row || !access) throw notFound("Attachment not found");
  return { row, access };
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 / RFC 5987), safe for any name. */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The type a download is sent with: never one a browser would run or render as a document. */
function downloadType(mime: string): string {
  if (mime === "text/plain") return "text/plain; charset=utf-8";
  if (/html|xml|svg|javascript|ecmascript/i.test(mime)) return "application/octet-stream";
  return mime;
}

/** GET /api/v1/attachments/{id}: the file (images inline, all else as a download), or its thumbnail. */
export async function serveAttachment(actor: Actor, rawId: string, thumb: boolean): Promise<Response> {
  const { row } = await readable(actor, rawId);
  const image = INLINE_IMAGE_TYPES.has(row.mimeType);
  let path = storedPath(row.storedName);
  let type = image ? row.mimeType : downloadType(row.mimeType);
  if (thumb) {
    const t = image ? await thumbnailOf(row.storedName) : null;
    if (!t) throw notFound("This attachment has no thumbnail.");
    path = t;
    type = "image/webp";
  }
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw notFound("The file of this attachment is gone.");
  }
  const body = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "content-type": type,
      "content-length": String(size),
      "content-disposition": contentDisposition(image ? "inline" : "attachment", row.originalName),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=3600",
    },
  });
}

/** DELETE /api/v1/attachments/{id}: the uploader (while they may write there) or a project admin. */
export async function deleteAttachment(actor: Actor, rawId: string) {
  const { row, access } = await readable(actor, rawId);
  const own = row.uploadedById === actor.userId && access.canWrite;
  if (!own && !access.canModerate) {
    throw new AppError("forbidden", "Only the uploader or a project admin may delete an attachment.");
  }
  await getDb().attachment.update({ where: { id: row.id }, data: { deletedAt: new Date() }, select: { id: true } });
  const data = {
    id: row.id,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    ...(access.cardId ? { cardId: access.cardId, cardKey: access.cardKey } : {}),
  };
  publish([{ room: access.room, type: "attachment.deleted", data }]);
  return { deleted: true, ...data };
}

/**
 * Soft-deletes the live attachments of these owners with the owner's own deletion time, so that
 * restoring the owner (`restoreWithOwner` with the same time) brings back exactly these.
 */
export async function softDeleteWithOwner(tx: Tx, ownerType: OwnerType, ownerIds: number[], at: Date): Promise<void> {
  if (ownerIds.length === 0) return;
  await tx.attachment.updateMany({ where: { ownerType, ownerId: { in: ownerIds }, deletedAt: null }, data: { deletedAt: at } });
}

export async function restoreWithOwner(tx: Tx, ownerType: OwnerType, ownerIds: number[], at: Date): Promise<void> {
  if (ownerIds.length === 0) return;
  await tx.attachment.updateMany({ where: { ownerType, ownerId: { in: ownerIds }, deletedAt: at }, data: { deletedAt: null } });
}

/** A card's deletion: its own attachments and those of its live comments. */
export async function softDeleteCardAttachments(tx: Tx, cardIds: number[], at: Date): Promise<void> {
  if (cardIds.length === 0) return;
  const comments = await tx.cardComment.findMany({ where: { cardId: { in: cardIds }, deletedAt: null }, select: { id: true } });
  await softDeleteWithOwner(tx, "card", cardIds, at);
  await softDeleteWithOwner(
    tx,
    "card_comment",
    comments.map((c) => c.id),
    at,
  );
}

export async function restoreCardAttachments(tx: Tx, cardIds: number[], at: Date): Promise<void> {
  if (cardIds.length === 0) return;
  const comments = await tx.cardComment.findMany({ where: { cardId: { in: cardIds }, deletedAt: null }, select: { id: true } });
  await restoreWithOwner(tx, "card", cardIds, at);
  await restoreWithOwner(
    tx,
    "card_comment",
    comments.map((c) => c.id),
    at,
  );
}
