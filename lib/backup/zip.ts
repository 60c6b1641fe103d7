// Zip archives for backups and project exports: written as a stream (yazl, zip64 for large files)
// and read entry by entry (yauzl), never whole in memory.
import { createWriteStream } from "node:fs";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import yazl from "yazl";

export class ZipWriter {
  private zip = new yazl.ZipFile();
  private done: Promise<void>;
  constructor(path: string) {
    this.done = pipeline(this.zip.outputStream, createWriteStream(path, { mode: 0o600 }));
  }
  addFile(realPath: string, name: string) {
    this.zip.addFile(realPath, name, { compress: !/\.(png|jpe?g|gif|webp|zip|gz|mp4|pdf)$/i.test(name) });
  }
  addBuffer(buffer: Buffer, name: string) {
    this.zip.addBuffer(buffer, name);
  }
  addText(text: string, name: string) {
    this.zip.addBuffer(Buffer.from(text, "utf8"), name);
  }
  async close(): Promise<void> {
    this.zip.end();
    await this.done;
  }
}

export type ZipEntry = { name: string; size: number; open: () => Promise<Readable> };

/** Opens an archive and lists its entries; `open()` streams one. Close the reader when done. */
export async function openZip(path: string): Promise<{ entries: Map<string, ZipEntry>; close: () => void }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (err, z) =>
      err ? reject(err) : resolve(z as yauzl.ZipFile),
    ),
  );
  const entries = new Map<string, ZipEntry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith("/")) {
        entries.set(entry.fileName, {
          name: entry.fileName,
          size: entry.uncompressedSize,
          open: () =>
            new Promise<Readable>((res, rej) =>
              zip.openReadStream(entry, (err, stream) => (err ? rej(err) : res(stream as Readable))),
            ),
        });
      }
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", reject);
    zip.readEntry();
  });
  return { entries, close: () => zip.close() };
}

export async function readEntry(entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.size > maxBytes) throw new Error(`${entry.name} is larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  for await (const chunk of await entry.open()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
