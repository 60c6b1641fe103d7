// Request bodies, read with a cap that holds while the bytes arrive: a chunked body (no
// Content-Length) is counted as it streams and refused with 413 at the first byte past the cap,
// never buffered whole first. JSON text is checked before any route sees it: valid UTF-8, nesting
// at most MAX_JSON_DEPTH deep (deeper input would only serve to exhaust a recursive reader), and no
// lone UTF-16 surrogate (`"\ud800"`) and no NUL character in any string or key: no engine can store
// a lone surrogate (SQLite, PostgreSQL and MySQL would each keep a different replacement) and
// PostgreSQL cannot store NUL, so either is refused with a 400 naming the field.
import { AppError } from "../errors.ts";

export const MAX_JSON_DEPTH = 64;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Reads a request body up to `limit` bytes; `tooLarge()` as soon as it declares or sends more. */
export async function readBodyCapped(req: Request, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Bytes as UTF-8 text; 400 for anything that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError("validation", "The body is not valid UTF-8.");
  }
}

/** JSON text parsed and checked for depth and lone surrogates (see above); 400 otherwise. */
export function parseJsonText(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("validation", "The body is not valid JSON.");
  }
  checkJsonValue(value);
  return value;
}

type Node = { value: unknown; depth: number; key: string | number | null; parent: Node | null };

/** Iterative (a deep value cannot overflow the stack): depth, and every string and key well formed. */
function checkJsonValue(root: unknown) {
  const stack: Node[] = [{ value: root, depth: 0, key: null, parent: null }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { value, depth } = node;
    if (typeof value === "string") {
      if (!isStorable(value)) throw unstorable(node);
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new AppError("validation", `The body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], depth: depth + 1, key: i, parent: node });
    } else {
      for (const [k, v] of Object.entries(value)) {
        if (!isStorable(k)) throw unstorable(node);
        stack.push({ value: v, depth: depth + 1, key: k, parent: node });
      }
    }
  }
}

/** Text every engine stores as it is: no lone surrogate, no NUL. */
export function isStorable(text: string): boolean {
  return text.isWellFormed() && !text.includes("\u0000");
}

function unstorable(node: Node) {
  const path: (string | number)[] = [];
  for (let n: Node | null = node; n && n.key !== null; n = n.parent) path.unshift(n.key);
  const field = path.join(".");
  return new AppError("validation", `Invalid input: ${field || "body"}`, {
    fields: [{ path: field, message: "Text must not contain a lone UTF-16 surrogate (\\ud800-\\udfff) or a NUL character." }],
  });
}
