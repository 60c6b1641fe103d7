// Board benchmark: the workload of the project's performance notes, against a running WarmDesk,
// through the public REST API (API key) and the realtime sidecar. Prints figures; no thresholds.
//
//   npx tsx bench/board.ts [--url http://localhost:3000] [--key wd_...] [--user <admin>] [--pids web=1,realtime=2]
//                          [--columns 20] [--cards 5000] [--creators 25] [--loads 20] [--movers 50]
//                          [--seconds 10] [--subscribers 5]
//
// --key (or WARMDESK_API_KEY) is an API key of a user who may create projects; without one,
// --user <email|username> creates a key with the CLI (same environment: DATABASE_URL, DATA_DIR).
// Only loopback targets are accepted. Every loop is bounded (a count or a deadline).
import { parseArgs } from "node:util";
import { io, type Socket } from "socket.io-client";
import { apiClient, apiKey, assertLoopback, findProcesses, ms, pct, rssMb } from "./common.ts";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    key: { type: "string" },
    user: { type: "string" },
    pids: { type: "string" },
    columns: { type: "string", default: "20" },
    cards: { type: "string", default: "5000" },
    creators: { type: "string", default: "25" },
    loads: { type: "string", default: "20" },
    movers: { type: "string", default: "50" },
    seconds: { type: "string", default: "10" },
    subscribers: { type: "string", default: "5" },
  },
  strict: true,
});

const num = (name: keyof typeof args, max: number) => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be an integer between 1 and ${max}`);
  return n;
};
const COLUMNS = num("columns", 200);
const CARDS = num("cards", 100_000);
const CREATORS = num("creators", 500);
const LOADS = num("loads", 1000);
const MOVERS = num("movers", 500);
const SECONDS = num("seconds", 600);
const SUBSCRIBERS = num("subscribers", 100);

const base = args.url.replace(/\/$/, "");
const { call, json } = apiClient(base, apiKey(args.key, args.user));

const statuses = (list: number[]) => {
  const counts = new Map<number, number>();
  for (const s of list) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s}×${n}`).join(", ");
};

/** Runs `workers` loops that each take jobs from `next()` until it returns null. */
async function pool<T>(workers: number, next: () => T | null, run: (job: T) => Promise<void>) {
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let job = next(); job !== null; job = next()) await run(job);
    }),
  );
}

type Board = { project: { id: number }; columns: { id: number; name: string; cards: { key: string }[] }[] };
type Card = { key: string; version: number; columnId: number };

async function main() {
  const health = await call("GET", "/api/health");
  console.log(`target ${base}: health ${health.status} ${health.text.slice(0, 120)}`);

  // Setup: a fresh project with COLUMNS columns.
  const tag = Date.now().toString(36).toUpperCase().slice(-6);
  const project = await json<{ id: number; slug: string; key: string }>("POST", "/api/v1/projects", {
    name: `Bench ${new Date().toISOString()}`,
    key: `B${tag}`.replace(/[^A-Z0-9]/g, "X").slice(0, 10),
  });
  const slug = project.slug;
  let board = await json<Board>("GET", `/api/v1/projects/${slug}/board`);
  for (let i = board.columns.length; i < COLUMNS; i++) {
    await json("POST", `/api/v1/projects/${slug}/columns`, { name: `Column ${i + 1}` }, [201]);
  }
  board = await json<Board>("GET", `/api/v1/projects/${slug}/board`);
  const columnIds = board.columns.slice(0, COLUMNS).map((c) => c.id);
  console.log(`project ${slug} (id ${project.id}), ${columnIds.length} columns`);

  // 1. Creates.
  const keys: string[] = [];
  const createMs: number[] = [];
  const createStatus: number[] = [];
  let made = 0;
  const tCreate = performance.now();
  await pool(
    CREATORS,
    () => (made < CARDS ? made++ : null),
    async (i) => {
      const r = await call("POST", `/api/v1/projects/${slug}/cards`, {
        title: `Card ${i + 1}`,
        columnId: columnIds[i % columnIds.length],
      });
      createMs.push(r.ms);
      createStatus.push(r.status);
      if (r.status === 201) keys.push((JSON.parse(r.text) as Card).key);
    },
  );
  const createS = (performance.now() - tCreate) / 1000;
  console.log(
    `1. creates: ${keys.length}/${CARDS} by ${CREATORS} clients in ${createS.toFixed(2)} s = ${(keys.length / createS).toFixed(0)}/s; ` +
      `latency p50 ${ms(pct(createMs, 50))}, p99 ${ms(pct(createMs, 99))}; status ${statuses(createStatus)}`,
  );

  // 2. Board loads.
  const loadMs: number[] = [];
  let size = 0;
  let cardsSeen = 0;
  for (let i = 0; i < LOADS; i++) {
    const r = await call("GET", `/api/v1/projects/${slug}/board`);
    if (r.status !== 200) throw new Error(`board load: ${r.status}`);
    loadMs.push(r.ms);
    size = Buffer.byteLength(r.text);
    cardsSeen = (JSON.parse(r.text) as Board).columns.reduce((n, c) => n + c.cards.length, 0);
  }
  console.log(
    `2. board loads: ${LOADS} sequential, ${cardsSeen} cards, ${(size / 1024 / 1024).toFixed(2)} MB JSON; ` +
      `p50 ${ms(pct(loadMs, 50))}, p99 ${ms(pct(loadMs, 99))}`,
  );

  // 3. Subscribers follow the board while movers move cards.
  const received: Map<string, number>[] = [];
  const sockets: Socket[] = [];
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const { token, url } = await json<{ token: string; url: string }>("POST", "/api/realtime/token");
    assertLoopback(url);
    const socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const ack = (await socket.emitWithAck("join", { room: `project:${project.id}` })) as { ok: boolean };
    if (!ack.ok) throw new Error(`subscriber ${i}: join refused ${JSON.stringify(ack)}`);
    const seen = new Map<string, number>();
    received.push(seen);
    socket.on("event", (e: { type: string; data: Card }) => {
      if (e.type === "card.moved") seen.set(`${e.data.key}:${e.data.version}`, performance.now());
    });
  }
  console.log(`   ${SUBSCRIBERS} subscribers joined project:${project.id}`);

  const moves: { id: string; sentAt: number }[] = [];
  const moveMs: number[] = [];
  const moveStatus: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];
  const tMove = performance.now();
  await pool(
    MOVERS,
    () => (performance.now() < deadline ? true : null),
    async () => {
      const key = pick(keys);
      const sentAt = performance.now();
      const r = await call("POST", `/api/v1/projects/${slug}/cards/${key}/move`, { columnId: pick(columnIds) });
      moveMs.push(r.ms);
      moveStatus.push(r.status);
      if (r.status === 200) {
        const card = JSON.parse(r.text) as Card;
        moves.push({ id: `${card.key}:${card.version}`, sentAt });
      }
    },
  );
  const moveS = (performance.now() - tMove) / 1000;
  // Let the last events arrive (bounded wait).
  const grace = performance.now() + 5000;
  while (performance.now() < grace && !received.every((seen) => moves.every((m) => seen.has(m.id)))) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const eventMs: number[] = [];
  let missing = 0;
  for (const seen of received) {
    for (const m of moves) {
      const at = seen.get(m.id);
      if (at === undefined) missing++;
      else eventMs.push(at - m.sentAt);
    }
  }
  console.log(
    `3. moves: ${moves.length} by ${MOVERS} clients in ${moveS.toFixed(2)} s = ${(moves.length / moveS).toFixed(0)}/s; ` +
      `latency p50 ${ms(pct(moveMs, 50))}, p99 ${ms(pct(moveMs, 99))}; status ${statuses(moveStatus)}`,
  );
  console.log(
    `   move request → event at a subscriber: p50 ${ms(pct(eventMs, 50))}, p99 ${ms(pct(eventMs, 99))} ` +
      `(${eventMs.length} deliveries, ${missing} missing)`,
  );
  for (const s of sockets) s.disconnect();

  // 4. Memory.
  const procs = findProcesses(args.pids);
  if (procs.length === 0) {
    console.log("4. memory: no WarmDesk processes found (pass --pids web=<pid>,realtime=<pid>)");
  } else {
    let total = 0;
    const parts = procs.map((p) => {
      const rss = rssMb(p.pid);
      total += rss;
      return `${p.label} (pid ${p.pid}) ${rss.toFixed(0)} MB`;
    });
    console.log(`4. memory (RSS): ${parts.join(", ")}; total ${total.toFixed(0)} MB`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench: ${(e as Error).message}`);
    process.exit(1);
  },
);
