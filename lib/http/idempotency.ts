// Idempotency keys for creates: a POST with an `Idempotency-Key` header runs once per key. A retry
// with the same key and the same request (method, path, body) gets the first answer again (with
// `Idempotency-Replayed: true`) and creates nothing; the same key with another request is a 422; a
// retry while the first request still runs is a 409. Keys belong to the API key that sent them (or
// to the user, for a browser session) and expire after 24 hours. A 5xx answer is not kept (the
// client may retry with the same key).
import { createHash } from "node:crypto";
import type { Actor } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { readBodyCapped } from "./body.ts";

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 128;
/** Answers longer than this are not kept (the column is TEXT on MySQL): a retry runs again. */
const MAX_STORED_ANSWER = 60_000;

const ownerOf = (actor: Actor) => (actor.apiKeyId !== undefined ? `key:${actor.apiKeyId}` : `user:${actor.userId}`);

/** Runs `handle` at most once per (owner, key) within 24 hours; see the header. */
export async function idempotent(
  actor: Actor,
  req: Request,
  key: string,
  maxBytes: number,
  handle: () => Promise<Response>,
): Promise<Response> {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError("validation", `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters.`, {
      fields: [{ path: "Idempotency-Key", message: "invalid" }],
    });
  }
  const body = await readBodyCapped(
    req.clone(),
    maxBytes,
    () => new AppError("payload_too_large", `The body may be at most ${maxBytes} bytes.`),
  );
  const requestHash = createHash("sha256")
    .update(`${req.method} ${new URL(req.url).pathname}\n`)
    .update(body)
    .digest("hex");
  const owner = ownerOf(actor);
  const db = getDb();
  const expired = new Date(Date.now() - IDEMPOTENCY_TTL_MS);
  await db.idempotencyKey.deleteMany({ where: { owner, key, createdAt: { lt: expired } } });
  let reserved: { id: number };
  try {
    reserved = await db.idempotencyKey.create({ data: { owner, key, requestHash }, select: { id: true } });
  } catch (e) {
    if ((e as { code?: string }).code !== "P2002") throw e;
    const first = await db.idempotencyKey.findUnique({ where: { owner_key: { owner, key } } });
    if (!first) throw new AppError("conflict", "That Idempotency-Key is being reused right now. Try again.");
    if (first.requestHash !== requestHash) {
      return Response.json(
        {
          error: {
            code: "idempotency_mismatch",
            message: "This Idempotency-Key was used for a different request. Use a new key for a new request.",
          },
        },
        { status: 422 },
      );
    }
    if (first.status === 0) {
      throw new AppError("conflict", "A request with this Idempotency-Key is still running. Try again shortly.");
    }
    return new Response(first.response ?? "", {
      status: first.status,
      headers: { "content-type": "application/json", "idempotency-replayed": "true" },
    });
  }
  // Now and then, sweep every owner's expired keys.
  if (Math.random() < 0.01) await db.idempotencyKey.deleteMany({ where: { createdAt: { lt: expired } } });
  let res: Response;
  try {
    res = await handle();
  } catch (e) {
    await db.idempotencyKey.delete({ where: { id: reserved.id } }).catch(() => undefined);
    throw e;
  }
  const text = await res.clone().text();
  if (res.status >= 500 || text.length > MAX_STORED_ANSWER) {
    await db.idempotencyKey.delete({ where: { id: reserved.id } }).catch(() => undefined);
  } else {
    await db.idempotencyKey.update({ where: { id: reserved.id }, data: { status: res.status, response: text } });
  }
  return res;
}
