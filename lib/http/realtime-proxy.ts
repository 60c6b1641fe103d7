// One public port: the web server (server/web.ts) passes `/socket.io/` on to the realtime sidecar,
// both Engine.IO's HTTP long-polling requests and the WebSocket upgrade, so that browsers reach
// live updates on the web app's own origin and a reverse proxy in front needs no second route.
//
// The sidecar stays its own process (it scales separately, REALTIME_INTERNAL_URL says where it
// is). Long-polling requests are forwarded with Node's HTTP client over a keep-alive agent; an
// upgrade opens one TCP connection to the sidecar, replays the client's request on it, and from
// then on the two sockets are piped byte for byte (no frame is parsed or re-encoded), which is why
// it adds well under a millisecond to an event's delivery (bench/realtime-proxy.ts,
// docs/performance.md).
//
// Only `/socket.io/` is passed on: the sidecar's `/internal/*` endpoints stay unreachable through
// the public port. The client's address goes along as X-Forwarded-For (the one the web server
// worked out, see client-address.ts) with X-Forwarded-Proto/Host.
import { Agent, type IncomingMessage, request, type ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import type { Duplex } from "node:stream";

export const REALTIME_PATH = "/socket.io/";

export type RealtimeProxy = {
  /** True when the request belongs to the sidecar (its path starts with /socket.io/). */
  handles(req: IncomingMessage): boolean;
  /** Forwards an HTTP request (long-polling) and its answer. */
  web(req: IncomingMessage, res: ServerResponse, clientAddress?: string): void;
  /** Forwards an upgrade (WebSocket) and then pipes the two connections. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, clientAddress?: string): void;
  /** Open upgraded connections (for a shutdown that waits for them, and for metrics). */
  readonly open: number;
  /** Ends every upgraded connection (the sidecar tells its clients to reconnect first). */
  closeAll(): void;
  close(): void;
};

/** Hop-by-hop headers (RFC 9110 §7.6.1) are not forwarded on plain requests. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

export function pathOf(url: string | undefined): string {
  const raw = url ?? "/";
  const q = raw.indexOf("?");
  return q === -1 ? raw : raw.slice(0, q);
}

function forwardedHeaders(req: IncomingMessage, clientAddress: string | undefined, keepHopByHop: boolean) {
  const headers: Record<string, string | string[]> = {};
  const named = new Set(
    (String(req.headers.connection ?? "") || "")
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (!keepHopByHop && (HOP_BY_HOP.has(name) || named.has(name))) continue;
    if (name.startsWith("x-warmdesk-")) continue;
    headers[name] = value;
  }
  const address = clientAddress ?? req.socket.remoteAddress;
  if (address) headers["x-forwarded-for"] = address;
  headers["x-forwarded-proto"] = (req.headers["x-forwarded-proto"] as string | undefined)?.split(",")[0]?.trim() || "http";
  if (req.headers.host) headers["x-forwarded-host"] = req.headers.host;
  return headers;
}

export function createRealtimeProxy(target: string, log: (line: string) => void = console.error): RealtimeProxy {
  const url = new URL(target);
  if (url.protocol !== "http:")
    throw new Error(`REALTIME_INTERNAL_URL must be http:// (the sidecar on a private network), not ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port || 80);
  const agent = new Agent({ keepAlive: true, maxFreeSockets: 16 });
  const upgraded = new Set<Duplex>();
  let logged = 0;
  const warn = (what: string, error: Error) => {
    // A sidecar that restarts refuses a burst of connections: say so, but not thousands of times.
    if (Date.now() - logged < 5000) return;
    logged = Date.now();
    log(`web: realtime proxy: ${what}: ${error.message}`);
  };

  return {
    handles: (req) => pathOf(req.url).startsWith(REALTIME_PATH),

    web(req, res, clientAddress) {
      const upstream = request(
        { host, port, agent, method: req.method, path: req.url, headers: forwardedHeaders(req, clientAddress, false) },
        (answer) => {
          const headers: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
          }
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", (error) => {
        warn("the sidecar did not answer", error);
        if (!res.headersSent) {
          const body = JSON.stringify({ error: { code: "unavailable", message: "Live updates are restarting; try again." } });
          res.writeHead(502, {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            "retry-after": "1",
          });
          res.end(body);
        } else res.destroy();
      });
      res.on("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
      req.pipe(upstream);
    },

    upgrade(req, socket, head, clientAddress) {
      const refuse = () => {
        if (socket.writable) socket.end("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        else socket.destroy();
      };
      const upstream: Socket = connect({ host, port });
      upstream.setNoDelay(true);
      if ("setNoDelay" in socket) (socket as Socket).setNoDelay(true);
      let connected = false;
      upstream.on("error", (error) => {
        warn("the sidecar refused a WebSocket", error);
        if (!connected) refuse();
        else socket.destroy();
      });
      socket.on("error", () => upstream.destroy());
      upstream.on("connect", () => {
        connected = true;
        // The client's request line and headers as they came (the Upgrade/Connection pair kept).
        const headers = forwardedHeaders(req, clientAddress, true);
        let text = `${req.method} ${req.url} HTTP/1.1\r\n`;
        for (const [name, value] of Object.entries(headers)) {
          for (const v of Array.isArray(value) ? value : [value]) text += `${name}: ${v}\r\n`;
        }
        upstream.write(`${text}\r\n`);
        if (head.length > 0) upstream.write(head);
        upgraded.add(socket);
        const done = () => {
          upgraded.delete(socket);
          upstream.destroy();
          socket.destroy();
        };
        upstream.on("close", done);
        socket.on("close", done);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
    },

    get open() {
      return upgraded.size;
    },
    closeAll() {
      for (const s of upgraded) s.destroy();
      upgraded.clear();
    },
    close() {
      for (const s of upgraded) s.destroy();
      upgraded.clear();
      agent.destroy();
    },
  };
}
