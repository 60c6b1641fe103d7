// Configuration comes only from environment variables, validated once. Both processes (web app and
// realtime sidecar) and the command line read it through here.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

const ZEnv = z.object({
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/|mysql:\/\/|mariadb:\/\/)/, "must start with file:, postgresql://, mysql:// or mariadb://")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  REALTIME_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  REALTIME_PUBLIC_URL: z.string().url().optional(),
  REALTIME_INTERNAL_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  REDIS_URL: z.string().url().optional(),
  /** The public address of the web app (https://warmdesk.example.com): links in emails use it. */
  APP_URL: z.string().url().optional(),
  /** How many reverse proxies in front of the web app append to X-Forwarded-For (0 = none). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(1),
});

export type Config = {
  dataDir: string;
  databaseUrl: string;
  port: number;
  realtimePort: number;
  /** Where browsers and scripts connect to the sidecar; `null` means "same host, realtime port". */
  realtimePublicUrl: string | null;
  /** Where the web app posts events to the sidecar. */
  realtimeInternalUrl: string;
  authSecret: string;
  redisUrl: string | null;
  /** Origin for links in emails; null means "the origin the request came in on". */
  appUrl: string | null;
  trustProxyHops: number;
};

let cached: Config | null = null;

export function getConfig(): Config {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`WarmDesk: invalid configuration\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const dataDir = resolve(env.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  cached = {
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `file:${join(dataDir, "warmdesk.db")}`,
    port: env.PORT,
    realtimePort: env.REALTIME_PORT,
    realtimePublicUrl: env.REALTIME_PUBLIC_URL ?? null,
    realtimeInternalUrl: env.REALTIME_INTERNAL_URL ?? `http://127.0.0.1:${env.REALTIME_PORT}`,
    authSecret: env.AUTH_SECRET ?? loadOrCreateSecret(dataDir),
    redisUrl: env.REDIS_URL ?? null,
    appUrl: env.APP_URL ? new URL(env.APP_URL).origin : null,
    trustProxyHops: env.TRUST_PROXY_HOPS,
  };
  return cached;
}

/** The secret is generated on first run and kept in the data directory, never a constant. */
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    // Another process (web app or sidecar) created it first: use theirs.
    return readFileSync(file, "utf8").trim();
  }
}

/** What an operator should hear about at start-up: settings that work, but not safely in production. */
export function startupWarnings(config: Pick<Config, "appUrl">): string[] {
  const warnings: string[] = [];
  if (!config.appUrl) {
    warnings.push(
      "APP_URL is not set: links in emails (password reset, notifications) use the address each request came in on, " +
        "which its Host header decides. Set APP_URL to the public address (https://warmdesk.example.com) in production.",
    );
  }
  return warnings;
}

/** For tests: forget the parsed environment so a changed process.env is read again. */
export function resetConfigForTests(): void {
  cached = null;
}
