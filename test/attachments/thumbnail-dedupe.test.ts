// Concurrent first requests for one image's thumbnail make it once. sharp is the real library,
// wrapped only to count how often an image is opened for a thumbnail.

import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const opened = vi.hoisted(() => ({ count: 0 }));
vi.mock("sharp", async (importOriginal) => {
  const real = (await importOriginal<typeof import("sharp")>()).default;
  const counted = ((...args: Parameters<typeof real>) => {
    if (typeof args[0] === "string" && !args[0].includes("thumbs")) opened.count++;
    return real(...args);
  }) as typeof real;
  return { default: Object.assign(counted, real) };
});

import sharp from "sharp";
import { attachmentsDir, storedPath, thumbnailOf } from "../../lib/attachments/files.ts";
import { freshWorld } from "../api/helpers.ts";

describe("thumbnails", () => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  beforeAll(async () => {
    world = await freshWorld("sqlite");
  });
  afterAll(async () => world.close());

  it("four concurrent first requests for a large image run sharp once and get the same file", async () => {
    mkdirSync(attachmentsDir(), { recursive: true });
    const name = randomBytes(16).toString("hex");
    const big = await sharp({ create: { width: 6000, height: 4000, channels: 3, background: "#336699" } })
      .jpeg()
      .toBuffer();
    writeFileSync(storedPath(name), big);
    opened.count = 0;
    const paths = await Promise.all([thumbnailOf(name), thumbnailOf(name), thumbnailOf(name), thumbnailOf(name)]);
    expect(opened.count).toBe(1);
    expect(new Set(paths).size).toBe(1);
    expect(paths[0]).not.toBeNull();
    const meta = await sharp(paths[0] as string).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(320);
    // Made once, then served from disk.
    expect(await thumbnailOf(name)).toBe(paths[0]);
    expect(opened.count).toBe(1);
  }, 60_000);
});
