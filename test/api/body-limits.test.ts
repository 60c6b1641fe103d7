// Every request body is capped while it streams. A real HTTP server hands the route handlers a
// streaming Request (as Next does), and a client sends a chunked 50 MB body without Content-Length:
// the answer is 413 and the process's memory does not grow by the body's size. A delivery to an
// unknown webhook is answered 404 before any of its body is read.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as nextAuthPost } from "../../app/api/auth/[...nextauth]/route.ts";
import { POST as resetRequestPost } from "../../app/api/auth/password-reset/request/route.ts";
import { POST as signUpPost } from "../../app/api/auth/sign-up/route.ts";
import { POST as setupPost } from "../../app/api/setup/route.ts";
import { PATCH as settingsPatch } from "../../app/api/v1/admin/settings/route.ts";
import { POST as projectsPost } from "../../app/api/v1/projects/route.ts";
import { POST as webhookPost } from "../../app/api/webhooks/[id]/route.ts";
import { createProject } from "../../lib/boards/projects.ts";
import type { AppError } from "../../lib/errors.ts";
import { MAX_JSON_DEPTH } from "../../lib/http/body.ts";
import { readJson } from "../../lib/http/handler.ts";
import { createWebhook } from "../../lib/webhooks/webhooks.ts";
import { freshWorld, type Person, person } from "./helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: route handlers of different parameter shapes
type AnyHandler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

const BODY_BYTES = 50 * 1024 * 1024;
const MB = 1024 * 1024;

/** Routes by path, with the params Next would pass. */
function route(path: string): { handler: AnyHandler; params: Record<string, unknown> } | null {
  const hook = /^\/api\/webhooks\/([^/]+)$/.exec(path);
  if (hook) return { handler: webhookPost, params: { id: hook[1] } };
  const table: Record<string, [AnyHandler, Record<string, unknown>]> = {
    "/api/auth/sign-up": [signUpPost, {}],
    "/api/setup": [setupPost, {}],
    "/api/auth/password-reset/request": [resetRequestPost, {}],
    "/api/auth/callback/credentials": [nextAuthPost as AnyHandler, { nextauth: ["callback", "credentials"] }],
    "/api/v1/projects": [projectsPost, {}],
    "/api/v1/admin/settings": [settingsPatch, {}],
  };
  const found = table[path];
  return found ? { handler: found[0], params: found[1] } : null;
}

function startServer(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const found = route(new URL(req.url ?? "/", "http://x").pathname);
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    const { NextRequest } = await import("next/server");
    const webReq = new NextRequest(`http://localhost${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "GET" ? undefined : (Readable.toWeb(req) as ReadableStream),
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    const answer = await found.handler(webReq, { params: Promise.resolve(found.params) });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/plain" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Sends a chunked body of `total` bytes (no Content-Length), respecting back-pressure, and stops
 * writing as soon as the answer arrives. `stallAfter` sends that many bytes and then waits: an
 * answer can only come from a server that did not wait for the rest.
 */
function sendChunked(
  port: number,
  path: string,
  options: { total: number; stallAfter?: number; headers?: Record<string, string> },
): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    chunk.write('{"pad":"', 0);
    let sent = 0;
    let answered = false;
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: { "content-type": "application/json", "transfer-encoding": "chunked", ...options.headers },
      },
      (res) => {
        answered = true;
        let body = "";
        res.on("data", (d) => {
          body += d;
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body, sent });
          req.destroy();
        });
      },
    );
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    const pump = () => {
      while (!answered && sent < (options.stallAfter ?? options.total)) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered && options.stallAfter === undefined) req.end();
    };
    pump();
  });
}

const rss = () => process.memoryUsage().rss;

describe("request bodies are capped while they stream", () => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let server: Server;
  let port: number;
  let admin: Person;
  let hookId: number;

  beforeAll(async () => {
    world = await freshWorld("sqlite");
    admin = await person("bodyadmin", { admin: true });
    const project = await createProject(admin.actor, { name: "Bodies", key: "BOD" });
    hookId = (await createWebhook(admin.actor, project.slug, { provider: "github" }, "http://localhost")).id;
    server = await startServer();
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await world.close();
  });

  const cases: [string, () => string, Record<string, string>?][] = [
    ["sign-up", () => "/api/auth/sign-up"],
    ["first-run setup", () => "/api/setup"],
    ["password reset", () => "/api/auth/password-reset/request"],
    ["next-auth's credentials sign-in", () => "/api/auth/callback/credentials"],
    ["an authenticated JSON route", () => "/api/v1/projects"],
    ["the webhook receiver", () => `/api/webhooks/${hookId}`],
  ];

  for (const [name, path, headers] of cases) {
    it(`${name}: a chunked 50 MB body answers 413 without holding it`, async () => {
      const auth: Record<string, string> = path().startsWith("/api/v1/") ? { authorization: `Bearer ${admin.key}` } : {};
      global.gc?.();
      const before = rss();
      let peak = before;
      const timer = setInterval(() => {
        peak = Math.max(peak, rss());
      }, 5);
      const answer = await sendChunked(port, path(), { total: BODY_BYTES, headers: { ...auth, ...headers } });
      clearInterval(timer);
      peak = Math.max(peak, rss());
      expect(answer.status, answer.body).toBe(413);
      expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
      // The server stopped reading long before the end of the body, and never held it.
      expect(answer.sent).toBeLessThan(BODY_BYTES);
      expect((peak - before) / MB, `RSS grew from ${before / MB} MB to ${peak / MB} MB`).toBeLessThan(25);
    }, 120_000);
  }

  it("an unknown webhook answers 404 before its body is read", async () => {
    const answer = await sendChunked(port, "/api/webhooks/999999", { total: BODY_BYTES, stallAfter: 64 * 1024 });
    expect(answer.status).toBe(404);
    const inactive = await sendChunked(port, "/api/webhooks/not-a-number", { total: BODY_BYTES, stallAfter: 64 * 1024 });
    expect(inactive.status).toBe(404);
  });
});

describe("JSON bodies are checked before a route sees them", () => {
  const read = (body: string | Uint8Array<ArrayBuffer>) =>
    readJson(new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json" }, body })).then(
      () => null,
      (e: AppError) => ({ code: e.code, message: e.message, details: e.details }),
    );

  it("refuses invalid UTF-8, deep nesting and lone surrogates with 400", async () => {
    expect(await read(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toMatchObject({
      code: "validation",
      message: "The body is not valid UTF-8.",
    });
    expect(await read(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)).toMatchObject({ code: "validation" });
    expect(await read(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`)).toBeNull();
    expect(await read('{"card":{"labels":["ok","\\ud800x"]}}')).toMatchObject({
      code: "validation",
      details: { fields: [{ path: "card.labels.1" }] },
    });
    expect(await read('{"a":"\\udc00"}')).toMatchObject({ details: { fields: [{ path: "a" }] } });
    // A surrogate pair is one character (😀), not a lone surrogate.
    expect(await read('{"a":"\\ud83d\\ude00"}')).toBeNull();
  });
});
