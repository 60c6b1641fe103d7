// Attachments through their REST routes on every configured engine: MIME from the bytes (never the
// client's type or name), downloads vs inline images with thumbnails, the size limit while
// streaming (nothing left behind), access (404 for outsiders and deleted owners), soft delete and
// restore with the owner, deleting, and the cleanup of old deleted files and orphans.
import { existsSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as attachmentDelete, GET as attachmentGet } from "../../app/api/v1/attachments/[id]/route.ts";
import { GET as listGet, POST as uploadPost } from "../../app/api/v1/projects/[slug]/cards/[key]/attachments/route.ts";
import { POST as commentUpload } from "../../app/api/v1/projects/[slug]/cards/[key]/comments/[id]/attachments/route.ts";
import { DELETE as commentDelete } from "../../app/api/v1/projects/[slug]/cards/[key]/comments/[id]/route.ts";
import { POST as commentPost } from "../../app/api/v1/projects/[slug]/cards/[key]/comments/route.ts";
import { POST as restorePost } from "../../app/api/v1/projects/[slug]/cards/[key]/restore/route.ts";
import { DELETE as cardDelete } from "../../app/api/v1/projects/[slug]/cards/[key]/route.ts";
import { applyEvent, type BoardState } from "../../components/board/board-state.ts";
import { cleanupAttachments } from "../../lib/attachments/cleanup.ts";
import { attachmentsDir, thumbPath } from "../../lib/attachments/files.ts";
import { getBoard } from "../../lib/boards/board.ts";
import { getCardDetail } from "../../lib/boards/card-detail.ts";
import { createCard } from "../../lib/boards/cards.ts";
import { addMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { runCli } from "../../lib/cli/commands.ts";
import { getDb } from "../../lib/db/client.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

type Upload = { name: string; bytes: Uint8Array | string; type?: string };

describe.each(availableEngines())("attachments on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let owner: Person;
  let member: Person;
  let viewer: Person;
  let outsider: Person;
  const slug = "files";
  let png: Buffer;

  const multipart = (files: Upload[]) => {
    const form = new FormData();
    for (const f of files) form.append("file", new Blob([f.bytes as BlobPart], { type: f.type ?? "image/png" }), f.name);
    return form;
  };
  const upload = async (who: Person, key: string, files: Upload[], commentId?: number) => {
    const path = `/api/v1/projects/${slug}/cards/${key}${commentId ? `/comments/${commentId}` : ""}/attachments`;
    const req = new Request(`http://localhost:3000${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${who.key}` },
      body: multipart(files),
    });
    const res = commentId
      ? await commentUpload(req, { params: Promise.resolve({ slug, key, id: String(commentId) }) })
      : await uploadPost(req, { params: Promise.resolve({ slug, key }) });
    // biome-ignore lint/suspicious/noExplicitAny: inspected field by field
    return { status: res.status, json: (await res.json()) as any };
  };
  const fetchFile = async (who: Person, id: number, thumb = false) => {
    const req = new Request(`http://localhost:3000/api/v1/attachments/${id}${thumb ? "?thumb=1" : ""}`, {
      headers: { authorization: `Bearer ${who.key}` },
    });
    const res = await attachmentGet(req, { params: Promise.resolve({ id: String(id) }) });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const filesOnDisk = () => (existsSync(attachmentsDir()) ? readdirSync(attachmentsDir()).filter((f) => f !== "thumbs") : []);
  const setLimitMb = (mb: number) =>
    getDb().systemSetting.upsert({
      where: { key: "max_upload_mb" },
      create: { key: "max_upload_mb", value: String(mb) },
      update: { value: String(mb) },
    });

  beforeAll(async () => {
    world = await freshWorld(engine);
    owner = await person("owner");
    member = await person("member");
    viewer = await person("viewer");
    outsider = await person("outsider");
    await createProject(owner.actor, { name: "Files", key: "FIL", slug });
    await addMember(owner.actor, slug, { username: "member", role: "member" });
    await addMember(owner.actor, slug, { username: "viewer", role: "viewer" });
    for (const title of ["one", "two", "three", "four"]) await createCard(owner.actor, slug, { title });
    png = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#c2481d" } })
      .png()
      .toBuffer();
  });
  afterAll(async () => world?.close());

  it("stores a PNG as an inline image with a server-made thumbnail", async () => {
    const res = await upload(member, "FIL-1", [{ name: "photo.png", bytes: png, type: "application/x-whatever" }]);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ mimeType: "image/png", size: png.length, originalName: "photo.png" });
    expect(res.json.url).toBe(`/api/v1/attachments/${res.json.id}`);
    const file = await fetchFile(viewer, res.json.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/png");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(file.bytes.equals(png)).toBe(true);

    const thumb = await fetchFile(viewer, res.json.id, true);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    const meta = await sharp(thumb.bytes).metadata();
    expect(meta.format).toBe("webp");
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBeLessThanOrEqual(320);
    const row = await getDb().attachment.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(existsSync(thumbPath(row.storedName))).toBe(true);
    expect(world.events.length).toBeGreaterThanOrEqual(0);
    await world.flush();
    expect(world.events.some((e) => e.type === "attachment.created" && (e.data as { id: number }).id === res.json.id)).toBe(true);
  });

  it("never serves HTML named .png as HTML: typed from the bytes, sent as a download with nosniff", async () => {
    const html = "<!doctype html><html><body><script>alert(1)</script></body></html>";
    const res = await upload(member, "FIL-1", [{ name: "evil.png", bytes: html, type: "image/png" }]);
    expect(res.status).toBe(201);
    expect(res.json.mimeType).toBe("text/plain");
    const file = await fetchFile(member, res.json.id);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).not.toMatch(/html/);
    expect(file.headers.get("content-type")).toMatch(/^(text\/plain|application\/octet-stream)/);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await fetchFile(member, res.json.id, true)).status).toBe(404);
  });

  it("sends SVG (with a script), PDF and binary files as downloads; several files at once give an array", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    const bin = new Uint8Array([0, 1, 2, 3, 255, 0, 9]);
    const res = await upload(member, "FIL-2", [
      { name: "pic.svg", bytes: svg, type: "image/svg+xml" },
      { name: "doc.pdf", bytes: pdf, type: "text/html" },
      { name: "blob.bin", bytes: bin, type: "text/html" },
    ]);
    expect(res.status).toBe(201);
    expect(Array.isArray(res.json)).toBe(true);
    expect(res.json.map((a: { originalName: string }) => a.originalName)).toEqual(["pic.svg", "doc.pdf", "blob.bin"]);
    const [a, b, c] = res.json;
    expect(b.mimeType).toBe("application/pdf");
    expect(c.mimeType).toBe("application/octet-stream");
    for (const att of [a, b, c]) {
      const file = await fetchFile(member, att.id);
      expect(file.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(file.headers.get("content-type")).not.toMatch(/svg|html|xml/);
      expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    }
    const list = await call(listGet, { key: viewer.key, params: { slug, key: "FIL-2" } });
    expect(list.json.map((x: { id: number }) => x.id)).toEqual([a.id, b.id, c.id]);
  });

  it("keeps only the last segment of a name with ../ and Unicode, and encodes it for the download (RFC 5987)", async () => {
    const res = await upload(member, "FIL-2", [{ name: "../../etc/Grüße 日本 (x).txt", bytes: "hello", type: "text/html" }]);
    expect(res.status).toBe(201);
    expect(res.json.originalName).toBe("Grüße 日本 (x).txt");
    const row = await getDb().attachment.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(row.storedName).toMatch(/^[0-9a-f]{32}$/);
    const file = await fetchFile(member, res.json.id);
    const cd = file.headers.get("content-disposition") ?? "";
    expect(cd).toContain("filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%E6%97%A5%E6%9C%AC%20%28x%29.txt");
    expect(cd).toMatch(/filename="[\x20-\x7e]*"/);
    expect(cd).not.toContain("..");
    expect(file.bytes.toString()).toBe("hello");
  });

  it("refuses a file over the limit with 413, leaving no row and no file", async () => {
    await setLimitMb(1);
    const rowsBefore = await getDb().attachment.count();
    const before = filesOnDisk().sort();
    const big = new Uint8Array(1024 * 1024 + 10).fill(65);
    const res = await upload(member, "FIL-3", [
      { name: "small.txt", bytes: "fine" },
      { name: "big.txt", bytes: big },
    ]);
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("payload_too_large");
    expect(res.json.error.message).toMatch(/1 MB/);
    expect(await getDb().attachment.count()).toBe(rowsBefore);
    expect(filesOnDisk().sort()).toEqual(before);
    await setLimitMb(25);
  });

  it("checks the limit while streaming: a huge body is cut off early, not read whole", async () => {
    await setLimitMb(1);
    const before = filesOnDisk().sort();
    const boundary = "----warmdesk-test";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.bin"\r\nContent-Type: image/png\r\n\r\n`,
    );
    const chunk = new Uint8Array(64 * 1024).fill(7);
    const totalChunks = 50 * 16; // 50 MB offered
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        if (pulled >= totalChunks) {
          controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
          controller.close();
          return;
        }
        pulled++;
        controller.enqueue(chunk);
      },
    });
    const req = new Request(`http://localhost:3000/api/v1/projects/${slug}/cards/FIL-3/attachments`, {
      method: "POST",
      headers: { authorization: `Bearer ${member.key}`, "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
    } as RequestInit);
    const res = await uploadPost(req, { params: Promise.resolve({ slug, key: "FIL-3" }) });
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(totalChunks / 4);
    expect(filesOnDisk().sort()).toEqual(before);
    await setLimitMb(25);
  });

  it("answers clear 4xx for bad requests", async () => {
    const json = await call(uploadPost, { key: member.key, params: { slug, key: "FIL-1" }, body: { file: "x" } });
    expect(json.status).toBe(415);
    const none = new FormData();
    none.append("other", "value");
    const req = new Request("http://localhost:3000/x", {
      method: "POST",
      headers: { authorization: `Bearer ${member.key}` },
      body: none,
    });
    expect((await uploadPost(req, { params: Promise.resolve({ slug, key: "FIL-1" }) })).status).toBe(400);
    expect((await fetchFile(member, 999999)).status).toBe(404);
    expect((await call(attachmentGet, { key: member.key, params: { id: "abc" } })).status).toBe(404);
  });

  it("is 404 for outsiders, 403 for viewers uploading", async () => {
    const res = await upload(member, "FIL-1", [{ name: "a.txt", bytes: "a" }]);
    expect((await fetchFile(outsider, res.json.id)).status).toBe(404);
    expect((await call(listGet, { key: outsider.key, params: { slug, key: "FIL-1" } })).status).toBe(404);
    expect((await upload(outsider, "FIL-1", [{ name: "b.txt", bytes: "b" }])).status).toBe(404);
    expect((await upload(viewer, "FIL-1", [{ name: "b.txt", bytes: "b" }])).status).toBe(403);
    expect(
      (await call(attachmentDelete, { method: "DELETE", key: outsider.key, params: { id: String(res.json.id) } })).status,
    ).toBe(404);
  });

  it("goes (softly) with its card and comes back when the card is restored", async () => {
    const res = await upload(member, "FIL-3", [{ name: "c.txt", bytes: "card file" }]);
    const comment = await call(commentPost, { key: member.key, params: { slug, key: "FIL-3" }, body: { body: "see file" } });
    const onComment = await upload(member, "FIL-3", [{ name: "d.txt", bytes: "comment file" }], comment.json.id);
    expect(onComment.status).toBe(201);
    expect(onComment.json.ownerType).toBe("card_comment");
    expect((await fetchFile(viewer, onComment.json.id)).status).toBe(200);

    expect((await call(cardDelete, { method: "DELETE", key: member.key, params: { slug, key: "FIL-3" } })).status).toBe(200);
    expect((await fetchFile(member, res.json.id)).status).toBe(404);
    expect((await fetchFile(member, onComment.json.id)).status).toBe(404);
    const rows = await getDb().attachment.findMany({ where: { id: { in: [res.json.id, onComment.json.id] } } });
    expect(rows.every((r) => r.deletedAt !== null)).toBe(true);

    expect((await call(restorePost, { method: "POST", key: member.key, params: { slug, key: "FIL-3" } })).status).toBe(200);
    expect((await fetchFile(member, res.json.id)).status).toBe(200);
    expect((await fetchFile(member, onComment.json.id)).status).toBe(200);

    // Deleting the comment takes its attachment along, not the card's.
    const del = await call(commentDelete, {
      method: "DELETE",
      key: member.key,
      params: { slug, key: "FIL-3", id: String(comment.json.id) },
    });
    expect(del.status).toBe(200);
    expect((await fetchFile(member, onComment.json.id)).status).toBe(404);
    expect((await fetchFile(member, res.json.id)).status).toBe(200);
    // Only the author attaches to a comment.
    const other = await call(commentPost, { key: owner.key, params: { slug, key: "FIL-3" }, body: { body: "mine" } });
    expect((await upload(member, "FIL-3", [{ name: "e.txt", bytes: "e" }], other.json.id)).status).toBe(403);
  });

  it("lets the uploader and project admins delete, nobody else", async () => {
    const res = await upload(member, "FIL-4", [{ name: "x.txt", bytes: "x" }]);
    const id = String(res.json.id);
    const otherMember = await person("other");
    await addMember(owner.actor, slug, { username: "other", role: "member" });
    expect((await call(attachmentDelete, { method: "DELETE", key: otherMember.key, params: { id } })).status).toBe(403);
    expect((await call(attachmentDelete, { method: "DELETE", key: viewer.key, params: { id } })).status).toBe(403);
    const ok = await call(attachmentDelete, { method: "DELETE", key: member.key, params: { id } });
    expect(ok.status).toBe(200);
    expect((await fetchFile(member, res.json.id)).status).toBe(404);
    const second = await upload(member, "FIL-4", [{ name: "y.txt", bytes: "y" }]);
    expect(
      (await call(attachmentDelete, { method: "DELETE", key: owner.key, params: { id: String(second.json.id) } })).status,
    ).toBe(200);
    await world.flush();
    expect(world.events.some((e) => e.type === "attachment.deleted" && (e.data as { id: number }).id === second.json.id)).toBe(
      true,
    );
  });

  it("counts the card's own live attachments on the board card and in the card detail; events keep the board's count", async () => {
    const card = await createCard(owner.actor, slug, { title: "counted" });
    const a = await upload(member, card.key, [
      { name: "a.txt", bytes: "a" },
      { name: "b.txt", bytes: "b" },
    ]);
    const comment = await call(commentPost, { key: member.key, params: { slug, key: card.key }, body: { body: "c" } });
    await upload(member, card.key, [{ name: "c.txt", bytes: "c" }], comment.json.id);
    await call(attachmentDelete, { method: "DELETE", key: member.key, params: { id: String(a.json[0].id) } });
    const onBoard = (await getBoard(viewer.actor, slug)).columns.flatMap((c) => c.cards).find((c) => c.key === card.key);
    expect(onBoard?.attachmentCount).toBe(1);
    expect((await getCardDetail(viewer.actor, slug, card.key)).card.attachmentCount).toBe(1);
    // The board page follows attachment events (a card's own, not a comment's).
    const state = { project: { type: "kanban" }, columns: [{ id: 1, cards: [onBoard] }] } as unknown as BoardState;
    const cardId = onBoard?.id as number;
    let next = applyEvent(state, { type: "attachment.created", data: { ownerType: "card", ownerId: cardId } });
    next = applyEvent(next, { type: "attachment.created", data: { ownerType: "card_comment", ownerId: cardId } });
    expect(next.columns[0].cards[0].attachmentCount).toBe(2);
    next = applyEvent(next, { type: "attachment.deleted", data: { ownerType: "card", ownerId: cardId } });
    next = applyEvent(next, { type: "comment.created", data: { cardId } });
    expect(next.columns[0].cards[0]).toMatchObject({ attachmentCount: 1, commentCount: 2 });
  });

  it("answers 404 for an attachment whose owner does not exist", async () => {
    const row = await getDb().attachment.create({
      data: {
        ownerType: "chat_message",
        ownerId: 1,
        storedName: "ab".repeat(16),
        originalName: "chat.txt",
        mimeType: "text/plain",
        size: 1,
        uploadedById: owner.id,
      },
    });
    expect((await fetchFile(owner, row.id)).status).toBe(404);
    await getDb().attachment.delete({ where: { id: row.id } });
  });

  it("cleanup removes files of long-deleted attachments and orphans, keeps live ones", async () => {
    const live = await upload(member, "FIL-4", [{ name: "live.png", bytes: png }]);
    const old = await upload(member, "FIL-4", [{ name: "old.txt", bytes: "old" }]);
    const recent = await upload(member, "FIL-4", [{ name: "recent.txt", bytes: "recent" }]);
    expect((await fetchFile(member, live.json.id, true)).status).toBe(200);
    const db = getDb();
    const day = 24 * 60 * 60 * 1000;
    await db.attachment.update({ where: { id: old.json.id }, data: { deletedAt: new Date(Date.now() - 40 * day) } });
    await db.attachment.update({ where: { id: recent.json.id }, data: { deletedAt: new Date(Date.now() - 2 * day) } });
    const [liveRow, oldRow, recentRow] = await Promise.all(
      [live, old, recent].map((r) => db.attachment.findUniqueOrThrow({ where: { id: r.json.id } })),
    );
    const orphan = join(attachmentsDir(), "cd".repeat(16));
    const fresh = join(attachmentsDir(), "ef".repeat(16));
    writeFileSync(orphan, "nobody's");
    writeFileSync(fresh, "an upload in flight");
    const past = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(orphan, past, past);

    const result = await cleanupAttachments({ days: 30 });
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect(result.orphans).toBeGreaterThanOrEqual(1);
    expect(existsSync(join(attachmentsDir(), oldRow.storedName))).toBe(false);
    expect(await db.attachment.findUnique({ where: { id: oldRow.id } })).toBeNull();
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(join(attachmentsDir(), recentRow.storedName))).toBe(true);
    expect(existsSync(join(attachmentsDir(), liveRow.storedName))).toBe(true);
    expect(existsSync(thumbPath(liveRow.storedName))).toBe(true);
    expect((await fetchFile(member, live.json.id)).status).toBe(200);

    // The operators' command: --days 1 takes the recently deleted one too.
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: () => {} };
    expect(await runCli(["cleanup-attachments", "--days", "nope"], io)).toBe(2);
    expect(await runCli(["cleanup-attachments", "--days", "1"], io)).toBe(0);
    expect(out.join("\n")).toMatch(/removed 1 deleted attachment/);
    expect(existsSync(join(attachmentsDir(), recentRow.storedName))).toBe(false);
    expect(existsSync(join(attachmentsDir(), liveRow.storedName))).toBe(true);
  });
});

describe("attachments in the OpenAPI document", () => {
  it("documents every attachment route", async () => {
    const { GET } = await import("../../app/api/v1/openapi.json/route.ts");
    const res = await call(GET, {});
    const paths = res.json.paths;
    expect(Object.keys(paths["/api/v1/projects/{slug}/cards/{key}/attachments"])).toEqual(["get", "post"]);
    expect(Object.keys(paths["/api/v1/projects/{slug}/cards/{key}/comments/{id}/attachments"])).toEqual(["post"]);
    expect(Object.keys(paths["/api/v1/attachments/{id}"])).toEqual(["get", "delete"]);
  });
});
