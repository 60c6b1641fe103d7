// Removes what attachments leave behind: files (and rows) of attachments deleted more than `days`
// days ago, and files (and thumbnails) on disk that no row references. Files younger than the grace
// period are kept: an upload writes its file before its row.

import { readdir, stat } from "node:fs/promises";
import { getDb } from "../db/client.ts";
import { countJob } from "../metrics/metrics.ts";
import { attachmentsDir, removeStoredFiles, STORED_NAME, thumbsDir } from "./files.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_RETENTION_DAYS = 30;
const ORPHAN_GRACE_MS = 60 * 60 * 1000;

export type AttachmentCleanupResult = { expired: number; orphans: number };

async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
  } catch {
    return [];
  }
}

export async function cleanupAttachments(
  options: { days?: number; now?: Date; graceMs?: number } = {},
): Promise<AttachmentCleanupResult> {
  const now = options.now ?? new Date();
  const days = options.days ?? DEFAULT_RETENTION_DAYS;
  const graceMs = options.graceMs ?? ORPHAN_GRACE_MS;
  const db = getDb();
  const before = new Date(now.getTime() - days * DAY_MS);
  let expired = 0;
  for (;;) {
    const rows = await db.attachment.findMany({
      where: { deletedAt: { lt: before } },
      select: { id: true, storedName: true },
      take: 500,
    });
    if (rows.length === 0) break;
    await removeStoredFiles(rows.map((r) => r.storedName));
    await db.attachment.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
    expired += rows.length;
  }

  const known = new Set((await db.attachment.findMany({ select: { storedName: true } })).map((r) => r.storedName));
  const files = await list(attachmentsDir());
  const thumbs = (await list(thumbsDir())).map((t) => ({ t, name: t.replace(/\.webp$/, "") }));
  const orphanNames: string[] = [];
  for (const name of files) {
    if (!STORED_NAME.test(name) || known.has(name)) continue;
    const info = await stat(`${attachmentsDir()}/${name}`).catch(() => null);
    if (info && now.getTime() - info.mtimeMs >= graceMs) orphanNames.push(name);
  }
  // A thumbnail whose file is gone (removeStoredFiles removes both).
  for (const { name } of thumbs) {
    if (STORED_NAME.test(name) && !known.has(name) && !files.includes(name)) orphanNames.push(name);
  }
  await removeStoredFiles(orphanNames);
  return { expired, orphans: orphanNames.length };
}

const HOUR_MS = 60 * 60 * 1000;

/** Runs the attachment cleanup hourly in this process (the timer does not keep it alive). */
export function startAttachmentCleanupTimer(log: (line: string) => void = console.log): void {
  const g = globalThis as { __warmdeskAttachmentCleanup?: boolean };
  if (g.__warmdeskAttachmentCleanup) return;
  g.__warmdeskAttachmentCleanup = true;
  const run = () =>
    countJob("attachment-cleanup", () => cleanupAttachments())
      .then((r) => {
        if (r.expired || r.orphans) log(`attachment cleanup: removed ${JSON.stringify(r)}`);
      })
      .catch((e) => console.error("attachment cleanup failed:", (e as Error).message));
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  setTimeout(run, 60_000).unref();
}
