// What the one public port costs: two real Socket.IO clients in the same room, one connected to the
// sidecar directly, one through the web server's /socket.io/ pass-through (server/web.ts's
// createWebServer + lib/http/realtime-proxy.ts). Each published event reaches both; the difference
// of the two arrival times (same process, same clock) is what the pass-through adds. Prints the
// median, p90, p99 and max over N events (default 2000), for WebSocket and for long-polling. The
// pass-through runs in its own process, as in production (the web server is not the sidecar), and
// a control pair (two clients both connected directly) shows what the measurement itself scatters.
//
//   npx tsx bench/realtime-proxy.ts [--events N]
import { fork } from "node:child_process";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { io as connectClient, type Socket } from "socket.io-client";
import { createProject } from "../lib/boards/projects.ts";
import { getConfig, resetConfigForTests } from "../lib/config.ts";
import { compileTrust } from "../lib/http/client-address.ts";
import { publish, setPublishSink } from "../lib/realtime/publish.ts";
import { signRealtimeToken } from "../lib/realtime/token.ts";
import { createUser } from "../lib/users/users.ts";
import { startRealtime } from "../server/realtime.ts";
import { createWebServer } from "../server/web.ts";
import { useFreshDatabase as freshDatabase } from "../test/helpers/db.ts";

if (process.argv[2] === "--serve") {
  // The child: only the web server, passing /socket.io/ on to the sidecar given.
  const child = createWebServer({
    handle: async (_req, res) => void res.end(),
    trust: compileTrust({ addresses: [], maxHops: null }),
    realtimeTarget: process.argv[3],
    drainMs: 5000,
  });
  child.server.listen(0, "127.0.0.1", () => process.send?.((child.server.address() as AddressInfo).port));
  process.on("disconnect", () => process.exit(0));
} else await main();

async function main() {
  const n = Number(process.argv[process.argv.indexOf("--events") + 1]) || 2000;
  const database = await freshDatabase("sqlite");
  const sidecar = await startRealtime({ port: 0, host: "127.0.0.1", redisUrl: null, log: () => {} });
  const sidecarUrl = `http://127.0.0.1:${sidecar.port}`;
  process.env.REALTIME_INTERNAL_URL = sidecarUrl;
  resetConfigForTests();
  setPublishSink(null);
  const web = fork(fileURLToPath(import.meta.url), ["--serve", sidecarUrl], { execArgv: ["--import", "tsx"] });
  const [webPort] = (await once(web, "message")) as [number];
  const webUrl = `http://127.0.0.1:${webPort}`;
  const user = await createUser({ email: "bench@example.com", username: "bench", password: "correct horse battery" });
  const actor = {
    userId: user.id,
    username: user.username,
    isAdmin: false,
    sessionId: null,
    apiKeyProjectId: null,
    language: "en",
  };
  const project = await createProject(actor, { name: "Bench", key: "BEN" });
  const room = `project:${project.id}`;

  async function client(url: string, transport: "websocket" | "polling"): Promise<Socket> {
    const token = signRealtimeToken({ uid: user.id, sid: null, pid: null }, getConfig().authSecret);
    const socket = connectClient(url, { auth: { token }, transports: [transport], upgrade: false, forceNew: true });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    await socket.emitWithAck("join", { room });
    return socket;
  }

  const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const fmt = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;

  for (const [transport, label, second] of [
    ["websocket", "control (both direct)", sidecarUrl],
    ["websocket", "through the web port", webUrl],
    ["polling", "control (both direct)", sidecarUrl],
    ["polling", "through the web port", webUrl],
  ] as const) {
    const direct = await client(sidecarUrl, transport);
    const proxied = await client(second, transport);
    const added: number[] = [];
    for (let i = 0; i < n; i++) {
      const at = (socket: Socket) => new Promise<number>((resolve) => socket.once("event", () => resolve(performance.now())));
      const arrivals = Promise.all([at(direct), at(proxied)]);
      await publish([{ room, type: "card.updated", data: { i } }]);
      const [d, p] = await arrivals;
      added.push(p - d);
    }
    direct.disconnect();
    proxied.disconnect();
    const sorted = [...added].sort((a, b) => a - b);
    const mean = added.reduce((a, b) => a + b, 0) / added.length;
    console.log(
      `${transport.padEnd(9)} ${label.padEnd(21)} ${n} events, second client later by: median ${fmt(pct(sorted, 50))}, mean ${fmt(mean)}, p90 ${fmt(pct(sorted, 90))}, p99 ${fmt(pct(sorted, 99))}, max ${fmt(sorted[sorted.length - 1])}`,
    );
  }

  web.kill();
  await sidecar.close();
  await database.drop();
  process.exit(0);
}
