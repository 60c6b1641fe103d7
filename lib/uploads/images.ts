// Pictures the app stores for itself (avatars, the instance logo): PNG, JPEG or WebP decided from
// the bytes with file-type (a client's Content-Type or file name is never trusted), written under
// DATA_DIR/<folder> with a random name, and read back with the type that name implies.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { getConfig } from "../config.ts";
import { AppError } from "../errors.ts";

export type ImageFolder = "avatars" | "branding";

const EXT_BY_MIME: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };
const MIME_BY_EXT: Record<string, string> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" };

/** The names storeImage gives: 32 hex characters and the type's extension. */
export const STORED_IMAGE_NAME = /^[0-9a-f]{32}\.(png|jpg|webp)$/;

const folderPath = (folder: ImageFolder) => join(getConfig().dataDir, folder);

/** Stores the bytes when they are a PNG, JPEG or WebP image (else 415 with `refusal`); returns the stored name. */
export async function storeImage(folder: ImageFolder, bytes: Uint8Array, refusal: string, mode = 0o640): Promise<string> {
  const type = await fileTypeFromBuffer(bytes);
  const ext = type ? EXT_BY_MIME[type.mime] : undefined;
  if (!ext) throw new AppError("unsupported_media_type", refusal);
  const name = `${randomBytes(16).toString("hex")}.${ext}`;
  await mkdir(folderPath(folder), { recursive: true });
  await writeFile(join(folderPath(folder), name), bytes, { mode });
  return name;
}

/** Removes a stored image; names that storeImage would not give are ignored (never a path). */
export async function removeImage(folder: ImageFolder, name: string | null | undefined): Promise<void> {
  if (!name || !STORED_IMAGE_NAME.test(name)) return;
  await rm(join(folderPath(folder), name), { force: true });
}

/** A stored image's bytes and type, or null when the name is not one of ours or the file is gone. */
export async function readImage(folder: ImageFolder, name: string | null | undefined) {
  if (!name || !STORED_IMAGE_NAME.test(name)) return null;
  try {
    const bytes = await readFile(join(folderPath(folder), name));
    return { bytes, mime: MIME_BY_EXT[name.slice(name.lastIndexOf(".") + 1)], name };
  } catch {
    return null;
  }
}

/** A stored image as a response that can only ever be shown as that image (nosniff, sandboxed). */
export function imageResponse(image: { bytes: Uint8Array; mime: string }, cacheControl: string): Response {
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      "content-type": image.mime,
      "content-length": String(image.bytes.length),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": cacheControl,
    },
  });
}
