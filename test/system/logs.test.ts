// Structured logs, and no secrets in them: everything this process writes (the request log of the
// web server, console output of the domain) is captured while a password is set, someone signs
// in (wrongly, then rightly), a password is reset with a token carried in the URL, and an API key
// is used; then the output is searched for the password, the token and the key.
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorForApiKey, createApiKey } from "../../lib/auth/api-keys.ts";
import { attemptSignIn } from "../../lib/auth/next-auth.ts";
import { confirmPasswordReset } from "../../lib/auth/password-reset.ts";
import { compileTrust } from "../../lib/http/client-address.ts";
import { setLogSink } from "../../lib/log.ts";
import { setRouteTemplates } from "../../lib/metrics/metrics.ts";
import { openApiDocument } from "../../lib/openapi/spec.ts";
import { setPublishSink } from "../../lib/realtime/publish.ts";
import { createUser } from "../../lib/users/users.ts";
import { createWebServer, type WebServer } from "../../server/web.ts";
import { type TestDatabase, useFreshDatabase } from "../helpers/db.ts";

let database: TestDatabase;
let web: WebServer;
let base: string;
const output: string[] = [];
const restore: (() => void)[] = [];

beforeAll(async () => {
  database = await useFreshDatabase("sqlite");
  setPublishSink(async () => {});
  process.env.LOG_FORMAT = "json";
  setLogSink((line) => output.push(line));
  // Whatever else the domain writes (console.*, straight to the streams) is captured too.
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      output.push(String(chunk));
      return write(chunk as never, ...(rest as []));
    }) as typeof stream.write;
    restore.push(() => {
      stream.write = write;
    });
  }
  setRouteTemplates(Object.keys((openApiDocument() as { paths: Record<string, unknown> }).paths));
  web = createWebServer({
    handle: async (req, res) => {
      res.writeHead(req.url?.startsWith("/api/") ? 200 : 404, { "content-type": "application/json" });
      res.end("{}");
    },
    trust: compileTrust({ addresses: [], maxHops: null }),
    realtimeTarget: null,
    drainMs: 2000,
  });
  web.server.listen(0, "127.0.0.1");
  await once(web.server, "listening");
  base = `http://127.0.0.1:${(web.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const r of restore) r();
  setLogSink(null);
  delete process.env.LOG_FORMAT;
  await web?.drain("test over");
  await database?.drop();
});

describe("logs", () => {
  it("write one JSON line per request with level, request id, route template, status and duration", async () => {
    const res = await fetch(`${base}/api/v1/projects`, { headers: { "x-request-id": "req-abc-123" } });
    expect(res.headers.get("x-request-id")).toBe("req-abc-123");
    await new Promise((r) => setTimeout(r, 50));
    const line = output.map((l) => l.trim()).find((l) => l.includes('"requestId":"req-abc-123"'));
    expect(line).toBeDefined();
    expect(JSON.parse(line as string)).toMatchObject({
      level: "info",
      msg: "request",
      requestId: "req-abc-123",
      method: "GET",
      route: "/api/v1/projects",
      status: 200,
      durationMs: expect.any(Number),
    });
  });

  it("never contain a password, a reset token or an API key", async () => {
    const password = `pw-${randomBytes(12).toString("hex")}`;
    const newPassword = `new-${randomBytes(12).toString("hex")}`;
    const user = await createUser({ email: "logs@example.com", username: "logs", password });
    // Signing in: wrong, then right.
    expect((await attemptSignIn({ email: "logs@example.com", password: `${password}x` }, undefined, { delay: false })).ok).toBe(
      false,
    );
    expect((await attemptSignIn({ email: "logs@example.com", password }, undefined, { delay: false })).ok).toBe(true);
    // A password reset: the token comes in the URL (as the emailed link), then is confirmed.
    const token = randomBytes(24).toString("base64url");
    await database.db.passwordResetToken.create({
      data: {
        userId: user.id,
        tokenHash: createHash("sha256").update(token).digest("hex"),
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    await fetch(`${base}/reset-password?token=${token}`);
    await confirmPasswordReset({ token, password: newPassword });
    // An API key, used on a request.
    const { key } = await createApiKey({ userId: user.id, name: "logs" });
    expect(await actorForApiKey(key)).toMatchObject({ userId: user.id });
    await fetch(`${base}/api/v1/projects?key=${key}`, { headers: { authorization: `Bearer ${key}` } });
    await new Promise((r) => setTimeout(r, 50));

    const all = output.join("\n");
    expect(all).toContain('"msg":"request"');
    for (const secret of [password, newPassword, token, encodeURIComponent(token), key]) expect(all).not.toContain(secret);
  });
});
