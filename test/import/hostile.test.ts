// Files that are not what they claim, broken or too large: each is refused with a message that
// names the line or field, and nothing is written.
import { mkdtempSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject } from "../../lib/boards/projects.ts";
import { type ImportFile, runImport, type TImportOptions } from "../../lib/import/import.ts";
import { freshWorld, person, rowCounts } from "../api/helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "warmdesk-import-"));
const file = (name: string, content: string | Buffer): ImportFile => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return { path, name };
};

describe("hostile import files", () => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Awaited<ReturnType<typeof person>>;
  let slug: string;
  beforeAll(async () => {
    world = await freshWorld("sqlite");
    owner = await person("owner");
    slug = (await createProject(owner.actor, { name: "Target", key: "TGT" })).slug;
  });
  afterAll(async () => world?.close());

  async function refused(options: Omit<TImportOptions, "project">, f: ImportFile) {
    const before = await rowCounts();
    const error = await runImport(owner.actor, { ...options, project: slug }, f).then(
      () => null,
      (e) => e,
    );
    expect(await rowCounts()).toEqual(before);
    expect(error, "the import should have been refused").not.toBeNull();
    return error as { code: string; message: string; details?: { fields?: { path: string }[] } };
  }

  it("truncated JSON names the line where it stops", async () => {
    const e = await refused({ format: "trello" }, file("cut.json", '{\n  "id": "x",\n  "lists": [\n    { "id": "a", "na'));
    expect(e.code).toBe("validation");
    expect(e.message).toMatch(/ends early at line 4: it is truncated/);
  });

  it("a syntax error names line and column", async () => {
    const e = await refused({ format: "trello" }, file("bad.json", '{\n  "id": "x",\n  "lists": [}\n}'));
    expect(e.message).toMatch(/not valid JSON at line 3, column \d+/);
  });

  it("a CSV file or an image given as Trello is refused as not a Trello export", async () => {
    expect((await refused({ format: "trello" }, file("a.csv", "Title,Status\nA,B\n"))).message).toMatch(
      /not a Trello \(JSON\) file/,
    );
    expect((await refused({ format: "trello" }, file("a.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])))).message).toMatch(
      /not a Trello/,
    );
  });

  it("a Wekan export given as Trello says which it is", async () => {
    const e = await refused(
      { format: "trello" },
      file("wekan.json", JSON.stringify({ _format: "wekan-board-1.0.0", lists: [], cards: [] })),
    );
    expect(e.message).toMatch(/Wekan export, not a Trello one/);
  });

  it("a card in a list the file does not have, or a field of the wrong type, is named", async () => {
    const board = { id: "b", name: "B", lists: [{ id: "l1", name: "L" }], cards: [{ id: "c1", name: "C", idList: "nope" }] };
    expect((await refused({ format: "trello" }, file("orphan.json", JSON.stringify(board)))).message).toMatch(/cards\[0\].*nope/);
    const typed = { ...board, cards: [{ id: "c1", name: 42, idList: "l1" }] };
    const e = await refused({ format: "trello" }, file("typed.json", JSON.stringify(typed)));
    expect(e.details?.fields?.map((f) => f.path)).toEqual(["cards.0.name"]);
    const dated = { ...board, cards: [{ id: "c1", name: "C", idList: "l1", due: "next tuesday" }] };
    expect((await refused({ format: "trello" }, file("dated.json", JSON.stringify(dated)))).details?.fields?.[0].path).toBe(
      "cards.0.due",
    );
  });

  it("a 200 MB file is refused before it is read", async () => {
    const path = join(dir, "huge.json");
    const handle = await open(path, "w");
    await handle.truncate(200 * 1024 * 1024); // sparse: no 200 MB written to the disk
    await handle.close();
    const used = process.memoryUsage().rss;
    const e = await refused({ format: "trello" }, { path });
    expect(e.code).toBe("payload_too_large");
    expect(e.message).toMatch(/200 MB; an import takes at most 64 MB/);
    expect(process.memoryUsage().rss - used).toBeLessThan(100 * 1024 * 1024);
  });
});
