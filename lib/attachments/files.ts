// Attachment files on disk: received from a multipart stream (busboy), checked against the size
// limit while they stream (never buffered whole), typed from their bytes (file-type; the client's
// Content-Type and file name are never trusted), stored as DATA_DIR/attachments/<random hex>.
// Thumbnails of images are made on first request (sharp) and kept in DATA_DIR/attachments/thumbs.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { fileTypeFromBuffer } from "file-type";
import { getConfig } from "../config.ts";
import { AppError } from "../errors.ts";

/** The names we give stored files: 32 hex characters, nothing else (never a path). */
export const STORED_NAME = /^[0-9a-f]{32}$/;
/** Images shown inline and thumbnailed; everything else is a download. */
export const INLINE_IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
/** At most this many files in one request. */
export const MAX_FILES_PER_REQUEST = 20;
const SNIFF_BYTES = 4100;
const THUMB_SIZE = 320;

export const attachmentsDir = () => join(getConfig().dataDir, "attachments");
export const thumbsDir = () => join(attachmentsDir(), "thumbs");
export const storedPath = (name: string) => join(attachmentsDir(), name);
export const thumbPath = (name: string) => join(thumbsDir(), `${name}.webp`);

export type StoredFile = { storedName: string; originalName: string; mimeType: string; size: number };

/**
 * A file name fit to keep for downloads: the last path segment only, without control characters,
 * at most 180 characters; "file" when nothing is left.
 */
export function cleanFileName(raw: string | undefined): string {
  const last = (raw ?? "").split(/[/\\]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = last.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim();
  const cut = Array.from(clean).slice(0, 180).join("");
  return cut === "" || cut === "." || cut === ".." ? "file" : cut;
}

/** The MIME type from the bytes: file-type, else text/plain for UTF-8 text without NULs, else octet-stream. */
async function decideMime(head: Uint8Array, isText: boolean): Promise<string> {
  const type = head.length > 0 ? await fileTypeFromBuffer(head) : undefined;
  if (type) return type.mime;
  return isText ? "text/plain" : "application/octet-stream";
}

/** Removes stored files (and their thumbnails); names that are not ours are ignored. */
export async function removeStoredFiles(names: string[]): Promise<void> {
  await Promise.all(
    names
      .filter((n) => STORED_NAME.test(n))
      .flatMap((n) => [rm(storedPath(n), { force: true }), rm(thumbPath(n), { force: true })]),
  );
}

const tooLarge = (maxBytes: number) =>
  new AppError(
    "payload_too_large",
    `A file may be at most ${Math.floor(maxBytes / (1024 * 1024))} MB (the administrator's upload limit).`,
  );

/**
 * Reads a multipart/form-data request and stores every part named `file`. Each file is checked
 * against `maxBytes` as it streams; the first one over it ends the request with 413, and every file
 * this request wrote is removed again (as on any other failure).
 */
export async function receiveFiles(req: Request, maxBytes: number): Promise<StoredFile[]> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the files as multipart/form-data in the field `file`.");
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  // The whole body can not be legitimate beyond this: refuse before reading anything.
  if (declared > maxBytes * MAX_FILES_PER_REQUEST + 1_000_000) throw tooLarge(maxBytes);
  if (!req.body) throw new AppError("validation", "The request has no body.");
  await mkdir(attachmentsDir(), { recursive: true });

  const written: string[] = [];
  const stored: StoredFile[] = [];
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { "content-type": type },
      defParamCharset: "utf8",
      limits: {
        fileSize: maxBytes,
        files: MAX_FILES_PER_REQUEST,
        fields: 20,
        fieldSize: 64 * 1024,
        parts: MAX_FILES_PER_REQUEST + 20,
      },
    });
  } catch {
    throw new AppError("validation", "The multipart body is malformed (no boundary?).");
  }
  const pending: Promise<void>[] = [];
  const outs: ReturnType<typeof createWriteStream>[] = [];
  const source = Readable.fromWeb(req.body as unknown as NodeWebStream<Uint8Array>);

  const done = new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      source.unpipe(bb);
      source.destroy();
      reject(e);
    };
    bb.on("file", (field, stream, info) => {
      if (field !== "file") {
        stream.resume();
        return;
      }
      const storedName = randomBytes(16).toString("hex");
      written.push(storedName);
      const out = createWriteStream(storedPath(storedName), { mode: 0o640 });
      outs.push(out);
      const head: Buffer[] = [];
      let headLength = 0;
      let size = 0;
      let isText = true;
      const decoder = new TextDecoder("utf-8", { fatal: true });
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (headLength < SNIFF_BYTES) {
          head.push(chunk.subarray(0, SNIFF_BYTES - headLength));
          headLength += Math.min(chunk.length, SNIFF_BYTES - headLength);
        }
        if (isText) {
          if (chunk.includes(0)) isText = false;
          else
            try {
              decoder.decode(chunk, { stream: true });
            } catch {
              isText = false;
            }
        }
      });
      stream.on("limit", () => {
        out.destroy();
        fail(tooLarge(maxBytes));
      });
      pending.push(
        new Promise<void>((res, rej) => {
          out.on("error", rej);
          out.on("close", () => res());
          stream.on("end", async () => {
            if (failed) return;
            if (isText) {
              try {
                decoder.decode();
              } catch {
                isText = false;
              }
            }
            try {
              const mimeType = await decideMime(new Uint8Array(Buffer.concat(head)), isText && size > 0);
              stored.push({ storedName, originalName: cleanFileName(info.filename), mimeType, size });
            } catch (e) {
              rej(e);
            }
          });
          stream.pipe(out);
        }).catch(fail),
      );
    });
    bb.on("filesLimit", () => fail(new AppError("validation", `At most ${MAX_FILES_PER_REQUEST} files at once.`)));
    bb.on("error", () => fail(new AppError("validation", "The multipart body is malformed.")));
    bb.on("close", () => {
      Promise.all(pending).then(() => {
        if (!failed) resolve();
      }, fail);
    });
    source.on("error", () => fail(new AppError("validation", "The upload was interrupted.")));
    source.pipe(bb);
  });

  try {
    await done;
    if (stored.length === 0) throw new AppError("validation", "Send at least one file in the multipart field `file`.");
    // Keep the order in which the client sent them.
    stored.sort((a, b) => written.indexOf(a.storedName) - written.indexOf(b.storedName));
    return stored;
  } catch (e) {
    // Close what is still open (a stream cut off mid-file never ends), then remove every file.
    await Promise.all(
      outs.map((o) => (o.closed ? Promise.resolve() : new Promise<void>((res) => o.destroy().once("close", () => res())))),
    );
    await removeStoredFiles(written);
    throw e;
  }
}

/**
 * Thumbnails being made, by stored name. Making one decodes the whole image (up to 100 megapixels,
 * hundreds of MB): concurrent first requests for one image, as a page of readers opening a fresh
 * upload makes, share the one run instead of each starting their own.
 */
const inFlight = new Map<string, Promise<string | null>>();

/** The thumbnail of a stored image (made and cached on first use), or null when it cannot be made. */
export async function thumbnailOf(storedName: string): Promise<string | null> {
  if (!STORED_NAME.test(storedName)) return null;
  const path = thumbPath(storedName);
  try {
    await stat(path);
    return path;
  } catch {
    // not made yet
  }
  const running = inFlight.get(storedName);
  if (running) return running;
  const made = makeThumbnail(storedName, path).finally(() => inFlight.delete(storedName));
  inFlight.set(storedName, made);
  return made;
}

async function makeThumbnail(storedName: string, path: string): Promise<string | null> {
  try {
    const { default: sharp } = await import("sharp");
    await mkdir(thumbsDir(), { recursive: true });
    const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
    await sharp(storedPath(storedName), { animated: false, limitInputPixels: 100_000_000 })
      .rotate()
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toFile(tmp);
    const { rename } = await import("node:fs/promises");
    await rename(tmp, path);
    return path;
  } catch {
    return null;
  }
}
