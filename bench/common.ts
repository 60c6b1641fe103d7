// What the bench scripts share: loopback-only targets, an API key, JSON calls with timings,
// percentiles, and the RSS of WarmDesk's processes. Figures only; nothing here asserts.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
export function assertLoopback(url: string) {
  const host = new URL(url).hostname;
  if (!LOOPBACK.test(host)) throw new Error(`refusing to benchmark ${url}: only loopback targets (localhost, 127.x, [::1])`);
}

/** `--key` / WARMDESK_API_KEY, or a new key for `--user` made with the CLI (same environment). */
export function apiKey(key: string | undefined, user: string | undefined): string {
  const given = key ?? process.env.WARMDESK_API_KEY;
  if (given) return given;
  if (!user) throw new Error("pass --key <api key> (or WARMDESK_API_KEY), or --user <admin> to create one with the CLI");
  const bin = join(import.meta.dirname, "..", "bin", "warmdesk.mjs");
  return execFileSync(process.execPath, [bin, "create-api-key", "--user", user, "--name", "bench"], { encoding: "utf8" }).trim();
}

export type HttpResult = { status: number; text: string; ms: number };

/** A client of the REST API with an API key. */
export function apiClient(base: string, key: string) {
  assertLoopback(base);
  const call = async (method: string, path: string, body?: unknown): Promise<HttpResult> => {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
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

export function pct(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
export const ms = (v: number) => `${v.toFixed(1)} ms`;

export function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** WarmDesk's web and realtime processes: `--pids web=1,realtime=2`, or found with ps. */
export function findProcesses(pids?: string): { label: string; pid: number }[] {
  if (pids) {
    return pids.split(",").map((part, i) => {
      const [label, pid] = part.includes("=") ? part.split("=") : [`process ${i + 1}`, part];
      return { label, pid: Number(pid) };
    });
  }
  let out = "";
  try {
    out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  } catch {
    return [];
  }
  const found: { label: string; pid: number }[] = [];
  for (const line of out.split("\n")) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, pid, cmd] = m;
    if (
      /next-server|next\/dist\/bin\/next (start|dev)|\.bin\/next (start|dev)|server\/web\.(ts|mjs)|warmdesk\/web\.mjs/.test(cmd)
    )
      found.push({ label: "web", pid: Number(pid) });
    else if (/server\/realtime\.ts|warmdesk\/realtime\.mjs/.test(cmd)) found.push({ label: "realtime", pid: Number(pid) });
  }
  return found;
}
