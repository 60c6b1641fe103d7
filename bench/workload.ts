// The performance.md workload against one WarmDesk, through one way of signing requests (an API
// key, or a browser session's cookie): a project of N columns, cards created by concurrent clients,
// sequential board loads, then moves by concurrent clients while Socket.IO subscribers follow the
// board, timing each move from its request to its event at every subscriber. Moves are placed as
// a drag places them (between the two neighbours at a random index, `afterKey` + `beforeKey`) or at
// the end of a column (no neighbours), in the proportion `between`. Every loop is bounded.
import { io, type Socket } from "socket.io-client";
import { assertLoopback, pct } from "./common.ts";

export type Auth = { kind: "key"; key: string } | { kind: "session"; cookie: string };
export type HttpResult = { status: number; text: string; ms: number };
export type Client = {
  call(method: string, path: string, body?: unknown): Promise<HttpResult>;
  json<T>(method: string, path: string, body?: unknown, expect?: number[]): Promise<T>;
};

export function makeClient(base: string, auth: Auth): Client {
  assertLoopback(base);
  const headers: Record<string, string> =
    auth.kind === "key"
      ? { authorization: `Bearer ${auth.key}` }
      : // A browser sends its Origin with every write.
        { cookie: auth.cookie, origin: base };
  const call = async (method: string, path: string, body?: unknown): Promise<HttpResult> => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, text, ms: performance.now() - t0 };
  };
  const json = async <T>(method: string, path: string, body?: unknown, expect = [200, 201]): Promise<T> => {
    const r = await call(method, path, body);
    if (!expect.includes(r.status)) throw new Error(`${method} ${path}: ${r.status} ${r.text.slice(0, 300)}`);
    return JSON.parse(r.text) as T;
  };
  return { call, json };
}

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  assertLoopback(base);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  keep(res);
  const session = [...jar.keys()].find((k) => k.endsWith("next-auth.session-token"));
  if (!session) throw new Error(`sign-in as ${email} failed: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return `${session}=${jar.get(session)}`;
}

/** Runs `workers` loops that each take jobs from `next()` until it returns null. */
export async function pool<T>(workers: number, next: () => T | null, run: (job: T) => Promise<void>) {
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let job = next(); job !== null; job = next()) await run(job);
    }),
  );
}

export const statuses = (list: number[]) => {
  const counts = new Map<number, number>();
  for (const s of list) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s}×${n}`)
    .join(", ");
};

type Board = { project: { id: number }; columns: { id: number; name: string; cards: { key: string }[] }[] };
type Card = { key: string; version: number; columnId: number };

export type WorkloadOptions = {
  columns: number;
  cards: number;
  creators: number;
  loads: number;
  movers: number;
  seconds: number;
  subscribers: number;
  /** Percentage of moves placed between two neighbours (the rest go to a column's end). */
  between: number;
  log: (line: string) => void;
  /** Cumulative CPU ms of the web process and the sidecar, when known (figures per request). */
  cpu?: () => { web: number; realtime: number } | null;
  /** Called when a phase ends ("creates", "loads", "moves"): the bench cuts CPU profiles there. */
  onPhase?: (phase: string) => Promise<void>;
};

/** CPU ms per operation of the web process and the sidecar over `body`, which returns its operation count. */
async function cpuPer<T>(
  cpu: WorkloadOptions["cpu"],
  body: () => Promise<T>,
  count: (r: T) => number,
): Promise<{ result: T; web: number | null; realtime: number | null }> {
  const before = cpu?.() ?? null;
  const result = await body();
  const after = cpu?.() ?? null;
  const n = count(result);
  if (!before || !after || n === 0) return { result, web: null, realtime: null };
  return { result, web: (after.web - before.web) / n, realtime: (after.realtime - before.realtime) / n };
}

export type WorkloadResult = {
  slug: string;
  projectId: number;
  createsPerS: number;
  createP50: number;
  createP99: number;
  boardP50: number;
  boardP99: number;
  boardMb: number;
  boardCards: number;
  movesPerS: number;
  moveP50: number;
  moveP99: number;
  eventP50: number;
  eventP99: number;
  /** CPU ms of the web process per create, per board load, per move; the sidecar's per move. */
  createCpu: number | null;
  boardCpu: number | null;
  moveCpu: number | null;
  moveCpuRealtime: number | null;
  notes: string[];
};

export async function newProject(client: Client, name: string, columns: number) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const project = await client.json<{ id: number; slug: string; key: string }>("POST", "/api/v1/projects", {
    name: `${name} ${new Date().toISOString()}`,
    key: `B${tag}`.replace(/[^A-Z0-9]/g, "X").slice(0, 10),
  });
  let board = await client.json<Board>("GET", `/api/v1/projects/${project.slug}/board`);
  for (let i = board.columns.length; i < columns; i++) {
    await client.json("POST", `/api/v1/projects/${project.slug}/columns`, { name: `Column ${i + 1}` }, [201]);
  }
  board = await client.json<Board>("GET", `/api/v1/projects/${project.slug}/board`);
  return { ...project, columnIds: board.columns.slice(0, columns).map((c) => c.id) };
}

/** Creates `count` cards spread over the columns with `workers` concurrent clients. */
export async function createCards(client: Client, slug: string, columnIds: number[], count: number, workers: number) {
  const latencies: number[] = [];
  const codes: number[] = [];
  let made = 0;
  let ok = 0;
  const t0 = performance.now();
  await pool(
    workers,
    () => (made < count ? made++ : null),
    async (i) => {
      const r = await client.call("POST", `/api/v1/projects/${slug}/cards`, {
        title: `Card ${i + 1}`,
        columnId: columnIds[i % columnIds.length],
      });
      latencies.push(r.ms);
      codes.push(r.status);
      if (r.status === 201) ok++;
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  return { ok, perS: ok / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99), statuses: statuses(codes), seconds };
}

/** Sequential loads of a board: p50, p99, size and card count. */
export async function loadBoard(client: Client, slug: string, loads: number) {
  const times: number[] = [];
  let bytes = 0;
  let cards = 0;
  for (let i = 0; i < loads; i++) {
    const r = await client.call("GET", `/api/v1/projects/${slug}/board`);
    if (r.status !== 200) throw new Error(`board load: ${r.status} ${r.text.slice(0, 200)}`);
    times.push(r.ms);
    bytes = Buffer.byteLength(r.text);
    if (i === 0) cards = (JSON.parse(r.text) as Board).columns.reduce((n, c) => n + c.cards.length, 0);
  }
  return { p50: pct(times, 50), p99: pct(times, 99), mb: bytes / 1024 / 1024, cards };
}

export async function runWorkload(client: Client, label: string, o: WorkloadOptions): Promise<WorkloadResult> {
  const notes: string[] = [];
  const project = await newProject(client, `Bench ${label}`, o.columns);
  const { slug, columnIds } = project;

  const createPhase = await cpuPer(
    o.cpu,
    () => createCards(client, slug, columnIds, o.cards, o.creators),
    (r) => r.ok,
  );
  const created = createPhase.result;
  await o.onPhase?.(`${label}-creates`);
  o.log(
    `  ${label}: ${created.ok}/${o.cards} creates by ${o.creators} clients in ${created.seconds.toFixed(1)} s = ${created.perS.toFixed(0)}/s, ` +
      `p50 ${created.p50.toFixed(1)} ms, p99 ${created.p99.toFixed(1)} ms (${created.statuses})`,
  );
  if (created.ok !== o.cards) notes.push(`${label}: creates answered ${created.statuses}`);

  const loadPhase = await cpuPer(
    o.cpu,
    () => loadBoard(client, slug, o.loads),
    () => o.loads,
  );
  const loaded = loadPhase.result;
  await o.onPhase?.(`${label}-loads`);
  o.log(
    `  ${label}: ${o.loads} board loads of ${loaded.cards} cards, ${loaded.mb.toFixed(2)} MB: p50 ${loaded.p50.toFixed(1)} ms, p99 ${loaded.p99.toFixed(1)} ms`,
  );

  // The client's model of the board, in order, as a browser keeps it (updated when a move is sent).
  const board = await client.json<Board>("GET", `/api/v1/projects/${slug}/board`);
  const lists = new Map<number, string[]>(board.columns.map((c) => [c.id, c.cards.map((x) => x.key)]));
  const columnOf = new Map<string, number>();
  for (const [id, keys] of lists) for (const k of keys) columnOf.set(k, id);
  const keys = [...columnOf.keys()];

  const received: Map<string, number>[] = [];
  const sockets: Socket[] = [];
  for (let i = 0; i < o.subscribers; i++) {
    const { token, url } = await client.json<{ token: string; url: string }>("POST", "/api/realtime/token");
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

  const moves: { id: string; sentAt: number }[] = [];
  const moveMs: number[] = [];
  const moveStatus: number[] = [];
  const inFlight = new Set<string>();
  const deadline = performance.now() + o.seconds * 1000;
  const random = (n: number) => Math.floor(Math.random() * n);
  const t0 = performance.now();
  let between = 0;
  const cpuBefore = o.cpu?.() ?? null;
  await pool(
    o.movers,
    () => (performance.now() < deadline ? true : null),
    async () => {
      let key = keys[random(keys.length)];
      for (let tries = 0; inFlight.has(key) && tries < 20; tries++) key = keys[random(keys.length)];
      if (inFlight.has(key)) return;
      inFlight.add(key);
      const to = columnIds[random(columnIds.length)];
      const from = columnOf.get(key) as number;
      const fromList = lists.get(from) as string[];
      fromList.splice(fromList.indexOf(key), 1);
      const list = lists.get(to) as string[];
      const body: { columnId: number; afterKey?: string; beforeKey?: string } = { columnId: to };
      let at = list.length;
      let placed = list.length > 0 && random(100) < o.between;
      if (placed) {
        at = random(list.length + 1);
        // A neighbour that another client is moving right now would make this move a 400/409.
        if ((at > 0 && inFlight.has(list[at - 1])) || (at < list.length && inFlight.has(list[at]))) {
          placed = false;
          at = list.length;
        } else {
          if (at > 0) body.afterKey = list[at - 1];
          if (at < list.length) body.beforeKey = list[at];
        }
      }
      list.splice(at, 0, key);
      columnOf.set(key, to);
      const sentAt = performance.now();
      const r = await client.call("POST", `/api/v1/projects/${slug}/cards/${key}/move`, body);
      inFlight.delete(key);
      moveMs.push(r.ms);
      moveStatus.push(r.status);
      if (r.status === 200) {
        if (placed) between++;
        const card = JSON.parse(r.text) as Card;
        moves.push({ id: `${card.key}:${card.version}`, sentAt });
      }
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpuAfter = o.cpu?.() ?? null;
  await o.onPhase?.(`${label}-moves`);
  const grace = performance.now() + 5000;
  while (performance.now() < grace && !received.every((seen) => moves.every((m) => seen.has(m.id)))) {
    await new Promise((r) => setTimeout(r, 50));
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
  for (const s of sockets) s.disconnect();
  const movesPerS = moves.length / seconds;
  const movesCpu =
    cpuBefore && cpuAfter && moveMs.length
      ? {
          web: (cpuAfter.web - cpuBefore.web) / moveMs.length,
          realtime: (cpuAfter.realtime - cpuBefore.realtime) / moveMs.length,
        }
      : null;
  if (createPhase.web !== null && movesCpu) {
    o.log(
      `  ${label}: web CPU per create ${createPhase.web.toFixed(2)} ms, per board load ${loadPhase.web?.toFixed(1)} ms, ` +
        `per move ${movesCpu.web.toFixed(2)} ms; sidecar CPU per move ${movesCpu.realtime.toFixed(2)} ms`,
    );
  }
  o.log(
    `  ${label}: ${moves.length} moves (${between} between neighbours) by ${o.movers} clients in ${seconds.toFixed(1)} s = ${movesPerS.toFixed(0)}/s, ` +
      `p50 ${pct(moveMs, 50).toFixed(1)} ms, p99 ${pct(moveMs, 99).toFixed(1)} ms (${statuses(moveStatus)}); ` +
      `→ event p50 ${pct(eventMs, 50).toFixed(1)} ms, p99 ${pct(eventMs, 99).toFixed(1)} ms (${eventMs.length} deliveries, ${missing} missing)`,
  );
  if (moveStatus.some((s) => s !== 200)) notes.push(`${label}: moves answered ${statuses(moveStatus)}`);
  if (missing) notes.push(`${label}: ${missing} move events never arrived at a subscriber`);
  return {
    slug,
    projectId: project.id,
    createsPerS: created.perS,
    createP50: created.p50,
    createP99: created.p99,
    boardP50: loaded.p50,
    boardP99: loaded.p99,
    boardMb: loaded.mb,
    boardCards: loaded.cards,
    movesPerS,
    moveP50: pct(moveMs, 50),
    moveP99: pct(moveMs, 99),
    eventP50: pct(eventMs, 50),
    eventP99: pct(eventMs, 99),
    createCpu: createPhase.web,
    boardCpu: loadPhase.web,
    moveCpu: movesCpu?.web ?? null,
    moveCpuRealtime: movesCpu?.realtime ?? null,
    notes,
  };
}
