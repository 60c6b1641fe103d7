// Structured logs: one JSON object per line in production (time, level, msg, and fields such as
// requestId, userId, route, status, durationMs), a readable line in development (`npm run dev`,
// or LOG_FORMAT=pretty). LOG_LEVEL (debug, info, warn, error; default info) drops the lower ones.
//
// No secrets: fields whose name says password, secret, token, key, authorization or cookie are
// written as "[redacted]", and request lines carry the route template (never the raw path, which
// may hold a reset or feed token) — test/system/logs.test.ts signs in, resets a password and uses
// an API key, and finds none of them in the output.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
export type Level = keyof typeof LEVELS;
export type LogFields = Record<string, unknown>;

const SECRET_NAME = /pass(word)?|secret|token|(^|_|-)key$|apikey|api_key|authorization|cookie|credential/i;

/** Where lines go (tests capture them). */
let sink: (line: string, level: Level) => void = (line, level) =>
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);

export function setLogSink(next: ((line: string, level: Level) => void) | null): void {
  sink = next ?? ((line, level) => (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`));
}

function format(): "json" | "pretty" {
  const f = process.env.LOG_FORMAT;
  if (f === "json" || f === "pretty") return f;
  return process.env.WARMDESK_DEV === "1" || process.env.NODE_ENV === "development" ? "pretty" : "json";
}

function threshold(): number {
  const l = process.env.LOG_LEVEL as Level | undefined;
  return LEVELS[l && l in LEVELS ? l : "info"];
}

function clean(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out[k] = SECRET_NAME.test(k) ? "[redacted]" : v instanceof Error ? v.message : v;
  }
  return out;
}

export function log(level: Level, msg: string, fields: LogFields = {}): void {
  if (LEVELS[level] < threshold()) return;
  const f = clean(fields);
  if (format() === "json") {
    sink(JSON.stringify({ time: new Date().toISOString(), level, msg, ...f }), level);
    return;
  }
  const rest = Object.entries(f)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  sink(`${new Date().toISOString().slice(11, 23)} ${level.toUpperCase().padEnd(5)} ${msg}${rest ? ` ${rest}` : ""}`, level);
}

export const logger = {
  debug: (msg: string, fields?: LogFields) => log("debug", msg, fields),
  info: (msg: string, fields?: LogFields) => log("info", msg, fields),
  warn: (msg: string, fields?: LogFields) => log("warn", msg, fields),
  error: (msg: string, fields?: LogFields) => log("error", msg, fields),
};
