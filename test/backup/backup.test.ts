// Backups, restores and transfers of a realistic instance (imported boards with files, comments,
// checklists, time entries, chat), on every engine: backup → restore into an empty database gives
// identical row counts and file hashes; SQLite → PostgreSQL / MySQL transfers keep every row, move
// the id sequences past the highest id and keep the card counters; a non-empty target is refused.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createBackup, readManifest, restoreBackup, transferInstance } from "../../lib/backup/backup.ts";
import { countRows, MODELS } from "../../lib/backup/copy.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { postChatMessage } from "../../lib/chat/chat.ts";
import { resetConfigForTests } from "../../lib/config.ts";
import { createDb, getDb } from "../../lib/db/client.ts";
import { closeDirect } from "../../lib/db/direct.ts";
import type { Engine } from "../../lib/db/engine.ts";
import { runImport } from "../../lib/import/import.ts";
import { setPublishSink } from "../../lib/realtime/publish.ts";
import { createEntry } from "../../lib/time/entries.ts";
import { person } from "../api/helpers.ts";
import { availableEngines, createEmptyDatabase, useFreshDatabase } from "../helpers/db.ts";

const FIXTURES = join(import.meta.dirname, "..", "import", "fixtures");
const drops: (() => Promise<void>)[] = [];
// Events go nowhere here (no sidecar runs).
setPublishSink(async () => {});
afterAll(async () => {
  setPublishSink(null);
  for (const d of drops) await d().catch(() => undefined);
});

/** Points the app (config, Prisma, direct driver) at another database and data folder. */
async function useDatabase(url: string, dataDir: string) {
  await getDb()
    .$disconnect()
    .catch(() => undefined);
  await closeDirect();
  process.env.DATABASE_URL = url;
  process.env.DATA_DIR = dataDir;
  resetConfigForTests();
}

async function seed() {
  const owner = await person(`owner${Date.now() % 100000}`, { admin: true });
  const project = await createProject(owner.actor, { name: "Relaunch", key: "WEB" });
  await runImport(owner.actor, { format: "trello", project: project.slug }, { path: join(FIXTURES, "trello-board.json") });
  const support = await createProject(owner.actor, { name: "Support", key: "SUP" });
  await runImport(owner.actor, { format: "wekan", project: support.slug }, { path: join(FIXTURES, "wekan-board.json") });
  const card = await createCard(owner.actor, project.slug, { title: "Made by hand", labels: ["manual"] });
  await createEntry(owner.actor, {
    date: "2024-05-02",
    minutes: 90,
    projectSlug: project.slug,
    cardKey: card.key,
    description: "pairing",
  });
  await postChatMessage(owner.actor, project.slug, { body: "Hello 👋" });
  return { owner, project };
}

async function fileHashes(dataDir: string, names: string[]) {
  return Object.fromEntries(
    names.map((n) => [
      n,
      createHash("sha256")
        .update(readFileSync(join(dataDir, n)))
        .digest("hex"),
    ]),
  );
}

describe.each(availableEngines())("backup and restore on %s", (engine: Engine) => {
  for (const portable of engine === "sqlite" ? [false] : [false, true]) {
    it(`${portable ? "portable" : "native"}: restore into an empty database gives the same rows and files`, async () => {
      const source = await useFreshDatabase(engine);
      drops.push(source.drop);
      const sourceDir = mkdtempSync(join(tmpdir(), "warmdesk-src-"));
      await useDatabase(source.url, sourceDir);
      await seed();
      const before = await countRows(getDb());
      const archive = join(mkdtempSync(join(tmpdir(), "warmdesk-bak-")), "backup.zip");
      const manifest = await createBackup(archive, { portable });
      expect(manifest.method).toBe(
        engine === "sqlite" ? "sqlite" : portable ? "portable" : engine === "postgresql" ? "pg_dump" : "mysqldump",
      );
      expect(manifest.counts).toEqual(before);
      const attachments = manifest.files.filter((f) => f.path.startsWith("attachments/")).map((f) => f.path);
      expect(attachments.length).toBe(1);
      expect(manifest.files.map((f) => f.path)).toContain("auth-secret");
      expect((await readManifest(archive)).createdAt).toBe(manifest.createdAt);
      const hashes = await fileHashes(
        sourceDir,
        manifest.files.map((f) => f.path),
      );

      const target = await createEmptyDatabase(engine);
      drops.push(target.drop);
      const targetDir = mkdtempSync(join(tmpdir(), "warmdesk-dst-"));
      await useDatabase(target.url, targetDir);
      const { counts } = await restoreBackup(archive);
      expect(counts).toEqual(before);
      expect(await fileHashes(targetDir, Object.keys(hashes))).toEqual(hashes);
      // The restored instance works: a new card gets the next number and a fresh id.
      const owner = await getDb().user.findFirstOrThrow({ where: { role: "admin" } });
      const actor = {
        userId: owner.id,
        username: owner.username,
        isAdmin: true,
        sessionId: null,
        apiKeyProjectId: null,
        language: "en",
      };
      const maxId = (await getDb().card.aggregate({ _max: { id: true } }))._max.id ?? 0;
      const card = await createCard(actor, "relaunch", { title: "after the restore" });
      expect(card.number).toBe(8);
      expect(card.id).toBeGreaterThan(maxId);
      // A second restore into the now non-empty database is refused (SQLite replaces the file instead).
      if (engine !== "sqlite") await expect(restoreBackup(archive)).rejects.toThrow(/not empty/);
    }, 300_000);
  }
});

describe.each(availableEngines().filter((e) => e !== "sqlite"))("SQLite → %s transfer", (engine) => {
  it("copies every table, moves sequences past the highest id, keeps card counters, verifies counts; refuses a non-empty target", async () => {
    const source = await useFreshDatabase("sqlite");
    drops.push(source.drop);
    const dataDir = mkdtempSync(join(tmpdir(), "warmdesk-src-"));
    await useDatabase(source.url, dataDir);
    const { owner, project } = await seed();
    const before = await countRows(getDb());
    const counters = await getDb().project.findMany({ select: { slug: true, cardCounter: true }, orderBy: { id: "asc" } });

    const target = await createEmptyDatabase(engine);
    drops.push(target.drop);
    const { counts } = await transferInstance(target.url);
    expect(counts).toEqual(before);
    expect(Object.keys(counts).sort()).toEqual([...MODELS].sort());

    const dst = createDb(target.url);
    expect(await dst.project.findMany({ select: { slug: true, cardCounter: true }, orderBy: { id: "asc" } })).toEqual(counters);
    await dst.$disconnect();
    await expect(transferInstance(target.url)).rejects.toThrow(/not empty/);

    await useDatabase(target.url, dataDir);
    const maxCard = (await getDb().card.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const maxComment = (await getDb().cardComment.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const card = await createCard(owner.actor, project.slug, { title: "on the new engine" });
    expect(card.key).toBe("WEB-8");
    expect(card.id).toBe(maxCard + 1);
    const { addComment } = await import("../../lib/boards/comments.ts");
    const comment = await addComment(owner.actor, project.slug, card.key, { body: "works" });
    expect(comment.id).toBe(maxComment + 1);
  }, 300_000);
});
