// Profile pictures. The browser crops to a square and uploads the result as the raw request body.
// The type is decided from the bytes (PNG, JPEG or WebP; the client's Content-Type is ignored), the
// size is capped while streaming (never an unbounded buffer), and the file is stored under
// DATA_DIR/avatars/<random hex>.<ext>; users.avatar holds that name.
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { type Actor, requireBrowser } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";
import { AppError, notFound } from "../errors.ts";
import { readBodyCapped } from "../http/body.ts";
import { getSetting } from "../settings/settings.ts";
import { imageResponse, readImage, removeImage, storeImage } from "../uploads/images.ts";
import { avatarUrl } from "./profile.ts";

export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

/** The most bytes an avatar may have now: 2 MB, or less when the max_upload_mb setting is lower. */
export async function avatarLimit(): Promise<number> {
  return Math.min(AVATAR_MAX_BYTES, (await getSetting("max_upload_mb")) * 1024 * 1024);
}

function tooLarge(limit: number) {
  const mb = Math.round((limit / 1024 / 1024) * 10) / 10;
  return new AppError("payload_too_large", `The picture may be at most ${mb} MB.`, { maxBytes: limit });
}

/** Stores a new avatar for the actor from the request body and removes the previous file. */
export async function uploadAvatar(actor: Actor, req: Request, meta?: RequestMeta) {
  requireBrowser(actor, "Your avatar");
  const limit = await avatarLimit();
  const bytes = await readBodyCapped(req, limit, () => tooLarge(limit));
  if (bytes.length === 0) throw new AppError("validation", "Send the picture as the request body.");
  const name = await storeImage("avatars", bytes, "The picture must be a PNG, JPEG or WebP image.");
  const db = getDb();
  let previous: string | null;
  let username: string;
  try {
    const before = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { avatar: true } });
    previous = before.avatar;
    ({ username } = await db.user.update({ where: { id: actor.userId }, data: { avatar: name }, select: { username: true } }));
  } catch (e) {
    await removeImage("avatars", name);
    throw e;
  }
  await removeImage("avatars", previous);
  await recordAudit({
    actor,
    action: "user.updated",
    resourceType: "user",
    resourceId: actor.userId,
    details: { avatar: "changed" },
    meta,
  });
  return { avatarUrl: avatarUrl(username, name) };
}

/** Removes the actor's avatar (file and reference); harmless when there is none. */
export async function removeAvatar(actor: Actor, meta?: RequestMeta): Promise<void> {
  requireBrowser(actor, "Your avatar");
  const db = getDb();
  const before = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { avatar: true } });
  if (!before.avatar) return;
  await db.user.update({ where: { id: actor.userId }, data: { avatar: null }, select: { id: true } });
  await removeImage("avatars", before.avatar);
  await recordAudit({
    actor,
    action: "user.updated",
    resourceType: "user",
    resourceId: actor.userId,
    details: { avatar: "removed" },
    meta,
  });
}

/** A user's avatar as a response, for any signed-in actor; 404 when the user or the picture is missing. */
export async function avatarResponse(username: string): Promise<Response> {
  const user = await getDb().user.findFirst({ where: { username, deletedAt: null }, select: { avatar: true } });
  const image = await readImage("avatars", user?.avatar);
  if (!image) throw notFound("No avatar");
  return imageResponse(image, "private, max-age=300");
}
