// Backups and transfers copy the models listed in lib/backup/copy.ts: a new model must be listed
// there (parents before children), or it would be left behind.
import { describe, expect, it } from "vitest";
import { MODELS, TABLES } from "../../lib/backup/copy.ts";
import { Prisma } from "../../lib/db/client.ts";

describe("backup model list", () => {
  it("lists every model of the schema exactly once", () => {
    expect([...MODELS].sort()).toEqual(Object.values(Prisma.ModelName).sort());
    expect(new Set(Object.values(TABLES)).size).toBe(MODELS.length);
  });
});
