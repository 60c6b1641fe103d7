// An import's upload: multipart/form-data with the file in `file` and the options as fields. The
// file streams to a temporary file under DATA_DIR/tmp (never held in memory) and is cut off with
// 413 as soon as it passes the limit; the caller removes it when done.
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { cleanFileName } from "../attachments/files.ts";
import { getConfig } from "../config.ts";
import { AppError } from "../errors.ts";
import { MAX_IMPORT_BYTES } from "./text.ts";

/** WarmDesk archives carry files: they may be larger than a JSON or CSV export. */
export const MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024;

export type Upload = { path: string; name: string; size: number; fields: Record<string, string>; remove: () => Promise<void> };

const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `The file is larger than ${Math.round(limit / 1024 / 1024)} MB, the most an import takes.`);

export async function receiveImport(req: Request): Promise<Upload> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new AppError(
      "unsupported_media_type",
      "Send the file as multipart/form-data in the field `file`, the options as fields.",
    );
  }
  if (!req.body) throw new AppError("validation", "The request has no body.");
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_ARCHIVE_BYTES + 1_000_000) throw tooLarge(MAX_ARCHIVE_BYTES);
  const dir = join(getConfig().dataDir, "tmp");
  await mkdir(dir, { recursive: true });
  const path = join(dir, `import-${randomBytes(12).toString("hex")}`);
  const remove = () => rm(path, { force: true });
  const fields: Record<string, string> = {};
  let name = "";
  let size = 0;
  let hasFile = false;
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { "content-type": type },
      defParamCharset: "utf8",
      limits: { files: 1, fields: 20, fieldSize: 100_000, fileSize: MAX_ARCHIVE_BYTES },
    });
  } catch {
    throw new AppError("validation", "The multipart body is malformed (no boundary?).");
  }
  const source = Readable.fromWeb(req.body as unknown as NodeWebStream<Uint8Array>);
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      let writing: Promise<void> = Promise.resolve();
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        source.unpipe(bb);
        source.destroy();
        reject(e);
      };
      bb.on("field", (key, value) => {
        fields[key] = value;
      });
      bb.on("file", (field, stream, info) => {
        if (field !== "file" || hasFile) {
          stream.resume();
          return;
        }
        hasFile = true;
        name = cleanFileName(info.filename);
        const out = createWriteStream(path, { mode: 0o600 });
        // JSON and CSV exports are refused early: only WarmDesk archives (zip) may be large.
        const limit = /\.zip$/i.test(name) ? MAX_ARCHIVE_BYTES : MAX_IMPORT_BYTES;
        stream.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            out.destroy();
            fail(tooLarge(limit));
          }
        });
        stream.on("limit", () => {
          out.destroy();
          fail(tooLarge(MAX_ARCHIVE_BYTES));
        });
        writing = new Promise<void>((res, rej) => {
          out.on("error", rej);
          out.on("close", () => res());
        });
        stream.pipe(out);
      });
      bb.on("error", () => fail(new AppError("validation", "The multipart body is malformed.")));
      bb.on("close", () => writing.then(() => !failed && resolve(), fail));
      source.on("error", () => fail(new AppError("validation", "The upload was interrupted.")));
      source.pipe(bb);
    });
    if (!hasFile)
      throw new AppError("validation", "Send the file in the multipart field `file`.", {
        fields: [{ path: "file", message: "required" }],
      });
    return { path, name, size, fields, remove };
  } catch (e) {
    await remove();
    throw e;
  }
}
