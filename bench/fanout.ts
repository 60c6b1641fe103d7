// Realtime fan-out benchmark (issue 5's budgets), against a running WarmDesk: N Socket.IO clients
// (spread over a few client processes) follow one project room; cards are moved over HTTP at a
// steady rate; for every move and every client it measures the time from the move's HTTP answer
// (and from its request) to that client receiving `card.moved`. Also the sidecar's memory before
// and after the clients connected (per 1,000 idle connections). Figures only; no thresholds.
//
//   npx tsx bench/fanout.ts [--url http://localhost:3000] [--key wd_...] [--user <admin>]
//                           [--clients 1000] [--processes 2] [--moves 200] [--rate 20] [--pids web=1,realtime=2]
//                           [--sidecars http://127.0.0.1:3001,http://127.0.0.1:3002]
//
// Scale-out: with several sidecars joined through Redis (REDIS_URL on each; a second one is
// `REALTIME_PORT=3002 node .next/warmdesk/realtime.mjs` with the first one's environment), pass their
// URLs with --sidecars: the client processes are spread over them (process i connects to sidecar
// i mod n) while moves are published through the web app's sidecar, so most deliveries cross Redis.
// Name every sidecar in --pids (realtime=<pid>,realtime=<pid>) for the memory per 1,000 connections.
import { fork } from "node:child_process";
import { parseArgs } from "node:util";
import { apiClient, apiKey, assertLoopback, findProcesses, ms, pct, rssMb } from "./common.ts";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    key: { type: "string" },
    user: { type: "string" },
    pids: { type: "string" },
    clients: { type: "string", default: "1000" },
    processes: { type: "string", default: "2" },
    moves: { type: "string", default: "200" },
    rate: { type: "string", default: "20" },
    sidecars: { type: "string" },
  },
  strict: true,
});
const num = (name: keyof typeof args, max: number) => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be an integer between 1 and ${max}`);
  return n;
};
const CLIENTS = num("clients", 20_000);
const PROCESSES = num("processes", 16);
const MOVES = num("moves", 10_000);
const RATE = num("rate", 1000);

const { call, json } = apiClient(args.url.replace(/\/$/, ""), apiKey(args.key, args.user));
const now = () => performance.timeOrigin + performance.now();
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

type Worker = ReturnType<typeof fork>;
const ask = <T>(w: Worker, msg: unknown, reply: string) =>
  new Promise<T>((resolve) => {
    const on = (m: { cmd: string }) => {
      if (m.cmd !== reply) return;
      w.off("message", on);
      resolve(m as T);
    };
    w.on("message", on);
    w.send(msg as object);
  });

async function main() {
  const tag = Date.now().toString(36).toUpperCase().slice(-6);
  const project = await json<{ id: number; slug: string }>("POST", "/api/v1/projects", {
    name: `Fan-out ${new Date().toISOString()}`,
    key: `F${tag}`.replace(/[^A-Z0-9]/g, "X").slice(0, 10),
  });
  const board = await json<{ columns: { id: number }[] }>("GET", `/api/v1/projects/${project.slug}/board`);
  const columns = board.columns.map((c) => c.id);
  const keys: string[] = [];
  for (let i = 0; i < 50; i++) {
    keys.push((await json<{ key: string }>("POST", `/api/v1/projects/${project.slug}/cards`, { title: `Card ${i}` })).key);
  }
  const { token, url } = await json<{ token: string; url: string }>("POST", "/api/realtime/token");
  assertLoopback(url);

  const sidecarUrls = args.sidecars ? args.sidecars.split(",").map((u) => u.trim().replace(/\/$/, "")) : [url];
  for (const u of sidecarUrls) assertLoopback(u);
  const sidecars = findProcesses(args.pids).filter((p) => p.label === "realtime");
  const rssSidecars = () => sidecars.reduce((sum, p) => sum + rssMb(p.pid), 0);
  const workers = Array.from({ length: PROCESSES }, () =>
    fork(new URL("./fanout-worker.ts", import.meta.url).pathname, [], { execArgv: ["--import", "tsx"] }),
  );
  const room = `project:${project.id}`;
  // Warm-up: a first connection per worker, so that what the sidecar loads once (modules, database
  // connections, caches) is in the "before" figure and the difference is the connections' own.
  const urlOf = (i: number) => sidecarUrls[i % sidecarUrls.length];
  await Promise.all(workers.map((w, i) => ask(w, { cmd: "start", args: { url: urlOf(i), token, room, count: 1 } }, "ready")));
  await sleep(2000);
  const rssBefore = sidecars.length ? rssSidecars() : Number.NaN;
  const t0 = performance.now();
  const ready = await Promise.all(
    workers.map((w, i) =>
      ask<{ connected: number; refused: number }>(
        w,
        {
          cmd: "start",
          args: { url: urlOf(i), token, room, count: Math.floor(CLIENTS / PROCESSES) + (i < CLIENTS % PROCESSES ? 1 : 0) },
        },
        "ready",
      ),
    ),
  );
  const connected = ready.reduce((n, r) => n + r.connected, 0) - PROCESSES;
  const refused = ready.reduce((n, r) => n + r.refused, 0);
  console.log(
    `clients: ${connected}/${CLIENTS} connected and joined ${room} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${refused} refused), over ${PROCESSES} processes and ${sidecarUrls.length} sidecar(s)`,
  );
  await sleep(3000);
  if (sidecars.length) {
    const rssAfter = rssSidecars();
    console.log(
      `sidecar memory (RSS, ${sidecars.length} sidecar(s)): ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB with ${connected} idle connections = ` +
        `${(((rssAfter - rssBefore) / connected) * 1000).toFixed(1)} MB per 1,000`,
    );
  } else {
    console.log("sidecar memory: realtime process not found (pass --pids realtime=<pid>)");
  }

  // Moves at a steady rate; each move's request and answer times.
  const sent = new Map<string, { request: number; answer: number }>();
  const httpMs: number[] = [];
  const interval = 1000 / RATE;
  const tMoves = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < MOVES; i++) {
    const due = tMoves + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const key = keys[i % keys.length];
    const request = now();
    inflight.push(
      call("POST", `/api/v1/projects/${project.slug}/cards/${key}/move`, { columnId: columns[(i + 1) % columns.length] }).then(
        (r) => {
          const answer = now();
          httpMs.push(r.ms);
          if (r.status !== 200) return;
          const card = JSON.parse(r.text) as { key: string; version: number };
          sent.set(`${card.key}:${card.version}`, { request, answer });
        },
      ),
    );
  }
  await Promise.all(inflight);
  await sleep(3000);

  const fromAnswer: number[] = [];
  const fromRequest: number[] = [];
  let delivered = 0;
  for (const w of workers) {
    const { arrivals } = await ask<{ arrivals: [string, number[]][] }>(w, { cmd: "report" }, "report");
    for (const [id, times] of arrivals) {
      const s = sent.get(id);
      if (!s) continue;
      for (const t of times) {
        fromAnswer.push(t - s.answer);
        fromRequest.push(t - s.request);
        delivered++;
      }
    }
  }
  for (const w of workers) w.send({ cmd: "stop" });
  const expected = sent.size * (connected + PROCESSES);
  console.log(`moves: ${sent.size}/${MOVES} at ${RATE}/s; HTTP p50 ${ms(pct(httpMs, 50))}, p99 ${ms(pct(httpMs, 99))}`);
  console.log(
    `fan-out to ${connected + PROCESSES} clients: HTTP answer → client p50 ${ms(pct(fromAnswer, 50))}, p99 ${ms(pct(fromAnswer, 99))}, max ${ms(pct(fromAnswer, 100))}; ` +
      `request → client p50 ${ms(pct(fromRequest, 50))}, p99 ${ms(pct(fromRequest, 99))} (${delivered}/${expected} deliveries)`,
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench: ${(e as Error).message}`);
    process.exit(1);
  },
);
