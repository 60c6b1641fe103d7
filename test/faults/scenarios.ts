// Faults injected into a running WarmDesk (see harness.ts), each ending with the same checks: no
// acknowledged write lost, no duplicates, every follower shows the server's board, recovered without
// a restart by hand. Each returns what it measured; it throws when a check fails.
import { Agent, request } from "node:http";
import {
  api,
  board,
  checkWrites,
  converge,
  follow,
  isAlive,
  type Launched,
  newProject,
  sleep,
  until,
  writers,
} from "./harness.ts";

export type Report = { scenario: string; recoveryMs: number; acknowledged: number; answers: string; notes?: string };

const answers = (statuses: Map<number, number>) =>
  [...statuses]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s === 0 ? "refused" : s}×${n}`)
    .join(" ");

/** kill -9 of the sidecar while 4 writers work: REST keeps answering 2xx, live updates resume. */
export async function killSidecar(app: Launched): Promise<Report> {
  const project = await newProject(app, "Sidecar killed");
  const followers = [follow(app, project), follow(app, project)];
  await until(() => followers.every((f) => f.isLive()), "followers live");
  const load = writers(app, project, 4, "s");
  await sleep(1500);
  const before = app.pid("realtime");
  const webBefore = app.pid("web");
  const killedAt = Date.now();
  const mark = app.lines.length;
  process.kill(before, "SIGKILL");
  await app.waitFor(/^warmdesk: realtime started again/, 60_000, mark);
  await until(() => followers.every((f) => f.isLive()), "followers live again");
  const liveAfter = Date.now() - killedAt;
  await sleep(1500);
  await load.stop();
  for (const f of followers) f.stop();
  const followersAfter = [follow(app, project)];
  const settle = await converge(app, project.slug, [...followersAfter]);
  for (const f of followersAfter) f.stop();
  const nonOk = [...load.statuses.keys()].filter((s) => s < 200 || s >= 300);
  if (nonOk.length) throw new Error(`REST did not answer 2xx throughout: ${answers(load.statuses)}`);
  if (app.pid("web") !== webBefore || !isAlive(webBefore)) throw new Error("the web process was restarted");
  if (app.pid("realtime") === before) throw new Error("the sidecar was not restarted");
  checkWrites(await board(app, project.slug), load.acknowledged);
  return {
    scenario: "kill -9 sidecar under load",
    recoveryMs: liveAfter,
    acknowledged: load.acknowledged.size,
    answers: answers(load.statuses),
    notes: `followers live again ${liveAfter} ms after the kill; a new follower matched the server in ${settle} ms`,
  };
}

/** The followers that stayed connected through a fault end with the server's board. */
async function followersConverge(app: Launched, slug: string, followers: ReturnType<typeof follow>[]) {
  try {
    return await converge(app, slug, followers);
  } finally {
    for (const f of followers) f.stop();
  }
}

/**
 * kill -9 of the web process while 4 writers work: it comes back, the sidecar is left alone, the
 * followers (and one that started while the web app was down) end with the server's board.
 */
export async function killWeb(app: Launched): Promise<Report> {
  const project = await newProject(app, "Web killed");
  const followers = [follow(app, project), follow(app, project)];
  await until(() => followers.every((f) => f.isLive()), "followers live");
  const load = writers(app, project, 4, "w");
  await sleep(1500);
  const sidecar = app.pid("realtime");
  const realtimeStarts = app.starts("realtime");
  const mark = app.lines.length;
  const killedAt = Date.now();
  process.kill(app.pid("web"), "SIGKILL");
  // A page opened now finds the sidecar up and the web app down (its token fetch fails): it must
  // keep trying until the web app is back, then go live.
  const late = follow(app, project);
  await app.waitFor(/^warmdesk: web started again/, 60_000, mark);
  await until(async () => (await api(app, "GET", "/api/health")).status === 200, "the web app to answer", 120_000);
  const backAfter = Date.now() - killedAt;
  await sleep(1500);
  await load.stop();
  const settle = await followersConverge(app, project.slug, [...followers, late]);
  if (app.starts("realtime") !== realtimeStarts || !isAlive(sidecar)) throw new Error("the sidecar was restarted");
  checkWrites(await board(app, project.slug), load.acknowledged);
  return {
    scenario: "kill -9 web under load",
    recoveryMs: backAfter,
    acknowledged: load.acknowledged.size,
    answers: answers(load.statuses),
    notes: `web answering ${backAfter} ms after the kill; followers matched the server ${settle} ms after the writers stopped`,
  };
}

/** A follower offline while the sidecar is killed and restarted, 16 moves meanwhile. */
export async function sidecarRestartOffline(app: Launched): Promise<Report> {
  const project = await newProject(app, "Offline restart");
  const keys: string[] = [];
  for (let i = 0; i < 12; i++) {
    const r = await api(app, "POST", `/api/v1/projects/${project.slug}/cards`, { title: `c${i}`, columnId: project.columns[0] });
    keys.push((r.body as { key: string }).key);
  }
  const f = follow(app, project);
  await until(() => f.isLive(), "follower live");
  // Some events in the first numbering, so that the follower holds a seq the new one passes.
  for (let i = 0; i < 5; i++)
    await api(app, "PATCH", `/api/v1/projects/${project.slug}/cards/${keys[i]}`, { title: `c${i} renamed` });
  await until(() => f.view.events >= 5, "the follower to see the first events");
  f.offline();
  const mark = app.lines.length;
  process.kill(app.pid("realtime"), "SIGKILL");
  await app.waitFor(/^warmdesk: realtime started again/, 60_000, mark);
  const moves = [];
  for (let i = 0; i < 16; i++) {
    const r = await api(app, "POST", `/api/v1/projects/${project.slug}/cards/${keys[i % 12]}/move`, {
      columnId: project.columns[1 + (i % 2)],
    });
    moves.push(r.status);
  }
  if (moves.some((s) => s !== 200)) throw new Error(`moves answered ${moves.join(",")}`);
  const t0 = Date.now();
  f.online();
  await followersConverge(app, project.slug, [f]);
  return {
    scenario: "sidecar restart, client offline across it",
    recoveryMs: Date.now() - t0,
    acknowledged: 16,
    answers: "200×16",
    notes: `the follower reloaded ${f.view.reloads - 1} time(s) after coming back`,
  };
}

/** One request on a kept-alive connection. */
function keptAlive(agent: Agent, app: Launched, path: string) {
  return new Promise<{ status: number; connection?: string; error?: string }>((resolve) => {
    const u = new URL(path, app.url);
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname, agent, headers: { authorization: `Bearer ${app.apiKey}` } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
      },
    );
    req.on("error", (e) => resolve({ status: 0, error: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.end();
  });
}

/**
 * SIGTERM to the launcher while 6 writers work and a client keeps a connection open: the web app
 * stops taking requests at once (503 with `Connection: close` on open connections, or refused),
 * finishes what runs, publishes its events (the follower receives every acknowledged create), then
 * the sidecar tells its clients to reconnect; both exit by themselves.
 */
export async function sigterm(app: Launched): Promise<Report & { exitCode: number | null; webStopMs: number }> {
  const project = await newProject(app, "Stopping");
  const f = follow(app, project);
  await until(() => f.isLive(), "follower live");
  const created = new Set<string>();
  let shutdownHint = false;
  const socket = (f.connection as unknown as { socket: import("socket.io-client").Socket }).socket;
  socket.on("event", (e: { type: string; data: { title?: string } }) => {
    if (e.type === "card.created" && e.data.title) created.add(e.data.title);
  });
  socket.on("shutdown", () => {
    shutdownHint = true;
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const first = await keptAlive(agent, app, "/api/health");
  if (first.status !== 200) throw new Error(`health: ${first.status}`);
  const load = writers(app, project, 6, "t");
  await sleep(1500);
  const mark = app.lines.length;
  const stopping = app.stop("SIGTERM");
  await app.waitFor(/^web: SIGTERM: draining/, 20_000, mark);
  // A request on the connection kept open from before: refused politely, never served.
  const late = await keptAlive(agent, app, "/api/health");
  const { code, ms } = await stopping;
  await load.stop();
  agent.destroy();
  f.stop();
  if (!(late.status === 503 && late.connection === "close") && late.status !== 0)
    throw new Error(`a request after SIGTERM was answered ${late.status} (connection: ${late.connection})`);
  const stopped = app.lines.slice(mark).find((l) => /^web: stopped after (\d+) ms/.test(l));
  if (!stopped) throw new Error(`the web process did not drain by itself:\n${app.lines.slice(mark).join("\n")}`);
  const missing = [...load.acknowledged.keys()].filter((t) => !created.has(t));
  if (missing.length)
    throw new Error(`${missing.length} acknowledged create(s) never reached the follower: ${missing.slice(0, 5)}`);
  if (!shutdownHint) throw new Error("the sidecar did not tell its clients to reconnect");
  if (code !== 0) throw new Error(`the launcher exited ${code}`);
  return {
    scenario: "SIGTERM under load",
    recoveryMs: ms,
    acknowledged: load.acknowledged.size,
    answers: answers(load.statuses),
    exitCode: code,
    webStopMs: Number(stopped.match(/(\d+) ms/)?.[1]),
    notes: `launcher exited ${code} after ${ms} ms; ${stopped}; late request: ${late.status || late.error}`,
  };
}
