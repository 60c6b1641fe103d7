// Configuration comes only from environment variables, validated once. Both processes (web app and
// realtime sidecar) and the command line read it through here.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import proxyaddr from "proxy-addr";
import { z } from "zod";

const ZEnv = z.object({
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/|mysql:\/\/|mariadb:\/\/)/, "must start with file:, postgresql://, mysql:// or mariadb://")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  REALTIME_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /**
   * Where browsers connect to the sidecar when it has its own public address (large deployments).
   * Unset: the web app's own origin, `/socket.io/` (the web server passes it on to the sidecar).
   */
  REALTIME_PUBLIC_URL: z.string().url().optional(),
  /** `0`: the web server does not pass /socket.io/ on (the sidecar is reached on its own port). */
  REALTIME_PROXY: z.enum(["0", "1"]).default("1"),
  REALTIME_INTERNAL_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  REDIS_URL: z.string().url().optional(),
  /** The public address of the web app (https://warmdesk.example.com): links in emails use it. */
  APP_URL: z.string().url().optional(),
  /**
   * The reverse proxies in front of the web app whose X-Forwarded-For is believed: addresses and
   * CIDR ranges, comma-separated, or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`.
   * Unset: none, the client address is the connection's.
   */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine(
      (v) => v === undefined || isTrustList(v),
      "must be addresses or CIDR ranges (or loopback, linklocal, uniquelocal), comma-separated",
    ),
  /** Deprecated: how many proxies append to X-Forwarded-For. Now means that many proxies on
   * loopback or private addresses (`loopback, linklocal, uniquelocal` and the private IPv4 ranges). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
  // Company sign-in (lib/sso/settings.ts): each one set here overrides, and locks, the same field
  // of Administration → Settings → Sign-in.
  OIDC_ISSUER: z.string().url().max(191).optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(191).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
  OIDC_SCOPES: z.string().min(1).max(500).optional(),
  OIDC_BUTTON_LABEL: z.string().min(1).max(64).optional(),
  LDAP_URL: z
    .string()
    .regex(/^ldaps?:\/\/[^\s]+$/, "must start with ldap:// or ldaps://")
    .max(191)
    .optional(),
  LDAP_BIND_DN: z.string().min(1).max(500).optional(),
  LDAP_BIND_PASSWORD: z.string().min(1).max(500).optional(),
  LDAP_BASE_DN: z.string().min(1).max(500).optional(),
  /** A PEM file with the CA certificate(s) the LDAP server's certificate must chain to. */
  LDAP_CA_FILE: z.string().min(1).optional(),
  /**
   * SQLite only. `full` (default): a write is acknowledged once it is on disk (the WAL is synced
   * before the answer; concurrent writes share one sync). `normal`: acknowledged at commit, synced
   * at checkpoints: faster, but a power loss can drop the last acknowledged writes (never corrupts).
   */
  SQLITE_SYNCHRONOUS: z.enum(["full", "normal"]).default("full"),
  /** A bearer token that /metrics requires (METRICS_TOKEN_FILE too). Unset: /metrics answers 404. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** A separate port for /metrics without a token (bind it to a private interface: METRICS_HOST). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** `json` (default in production) or `pretty` (default in development): the log lines' format. */
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

/** The private and local ranges a deprecated TRUST_PROXY_HOPS trusts. */
export const PRIVATE_PROXY_RANGES = ["loopback", "linklocal", "uniquelocal", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

function isTrustList(value: string): boolean {
  try {
    proxyaddr.compile(splitList(value));
    return true;
  } catch {
    return false;
  }
}

const splitList = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export type Config = {
  dataDir: string;
  databaseUrl: string;
  port: number;
  realtimePort: number;
  /**
   * Where browsers and scripts connect to the sidecar; `null` means the web app's own origin (or,
   * with REALTIME_PROXY=0, the same host on the realtime port).
   */
  realtimePublicUrl: string | null;
  /** The web server passes /socket.io/ on to the sidecar (REALTIME_PROXY, default on). */
  realtimeProxy: boolean;
  /** Where the web app posts events to the sidecar. */
  realtimeInternalUrl: string;
  authSecret: string;
  redisUrl: string | null;
  /** Origin for links in emails; null means "the origin the request came in on". */
  appUrl: string | null;
  /** Which proxies' X-Forwarded-For entries are believed (lib/http/client-address.ts). */
  trustedProxies: { addresses: string[]; maxHops: number | null };
  /** Start-up warnings (a deprecated variable), printed once by the web server. */
  warnings: string[];
  /** Company sign-in settings given by the environment (absent keys come from the database). */
  ssoEnv: {
    oidc: { issuer?: string; clientId?: string; clientSecret?: string; scopes?: string; buttonLabel?: string };
    ldap: { url?: string; bindDn?: string; bindPassword?: string; baseDn?: string; caCert?: string };
  };
  sqliteSynchronous: "full" | "normal";
  metricsToken: string | null;
  metricsPort: number | null;
};

let cached: Config | null = null;

/**
 * Secrets can come from files (Docker/Kubernetes secrets), the way Gitea and Mattermost images
 * allow: `AUTH_SECRET_FILE=/run/secrets/auth_secret` sets AUTH_SECRET to the file's content (one
 * trailing newline removed). Setting both the variable and its _FILE is an error.
 */
export const FILE_VARIABLES = [
  "DATABASE_URL",
  "AUTH_SECRET",
  "REDIS_URL",
  "OIDC_CLIENT_SECRET",
  "LDAP_BIND_PASSWORD",
  "METRICS_TOKEN",
  "WARMDESK_ADMIN_EMAIL",
  "WARMDESK_ADMIN_PASSWORD",
] as const;

/** Applies the *_FILE variables to `env` (process.env by default); answers the problems found. */
export function applyFileVariables(env: Record<string, string | undefined> = process.env): string[] {
  const problems: string[] = [];
  for (const name of FILE_VARIABLES) {
    const file = env[`${name}_FILE`];
    if (file === undefined || file === "") continue;
    if (env[name] !== undefined && env[name] !== "" && env[`__WARMDESK_FROM_FILE_${name}`] !== file) {
      problems.push(`  ${name}_FILE: ${name} is set too; set one of them`);
      continue;
    }
    try {
      env[name] = readFileSync(file, "utf8").replace(/\r?\n$/, "");
      // Child processes inherit both; remember that the value came from this file.
      env[`__WARMDESK_FROM_FILE_${name}`] = file;
    } catch (e) {
      problems.push(`  ${name}_FILE: cannot read ${file} (${(e as Error).message})`);
    }
  }
  return problems;
}

export function getConfig(): Config {
  if (cached) return cached;
  const fileProblems = applyFileVariables();
  if (fileProblems.length > 0) throw new Error(`WarmDesk: invalid configuration\n${fileProblems.join("\n")}`);
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
    realtimeProxy: env.REALTIME_PROXY === "1",
    realtimeInternalUrl: env.REALTIME_INTERNAL_URL ?? `http://127.0.0.1:${env.REALTIME_PORT}`,
    authSecret: env.AUTH_SECRET ?? loadOrCreateSecret(dataDir),
    redisUrl: env.REDIS_URL ?? null,
    appUrl: env.APP_URL ? new URL(env.APP_URL).origin : null,
    ...trustedProxies(env),
    ssoEnv: {
      oidc: defined({
        issuer: env.OIDC_ISSUER,
        clientId: env.OIDC_CLIENT_ID,
        clientSecret: env.OIDC_CLIENT_SECRET,
        scopes: env.OIDC_SCOPES,
        buttonLabel: env.OIDC_BUTTON_LABEL,
      }),
      ldap: defined({
        url: env.LDAP_URL,
        bindDn: env.LDAP_BIND_DN,
        bindPassword: env.LDAP_BIND_PASSWORD,
        baseDn: env.LDAP_BASE_DN,
        caCert: env.LDAP_CA_FILE ? readCaFile(env.LDAP_CA_FILE) : undefined,
      }),
    },
    sqliteSynchronous: env.SQLITE_SYNCHRONOUS,
    metricsToken: env.METRICS_TOKEN ?? null,
    metricsPort: env.METRICS_PORT ?? null,
  };
  return cached;
}

/** The object without its undefined entries (so that spreading it overrides only what is set). */
function defined<T extends Record<string, string | undefined>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function readCaFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`WarmDesk: invalid configuration\n  LDAP_CA_FILE: cannot read ${file} (${(e as Error).message})`);
  }
}

function trustedProxies(env: z.infer<typeof ZEnv>): Pick<Config, "trustedProxies" | "warnings"> {
  if (env.TRUSTED_PROXIES !== undefined) {
    const warnings = env.TRUST_PROXY_HOPS === undefined ? [] : ["TRUST_PROXY_HOPS is ignored because TRUSTED_PROXIES is set."];
    return { trustedProxies: { addresses: splitList(env.TRUSTED_PROXIES), maxHops: null }, warnings };
  }
  if (!env.TRUST_PROXY_HOPS) return { trustedProxies: { addresses: [], maxHops: null }, warnings: [] };
  // The old meaning (believe the last N entries of X-Forwarded-For, from wherever they came) let any
  // client that reached the app directly choose its address. Kept only for proxies on private networks.
  return {
    trustedProxies: { addresses: PRIVATE_PROXY_RANGES, maxHops: env.TRUST_PROXY_HOPS },
    warnings: [
      `TRUST_PROXY_HOPS is deprecated: it now trusts up to ${env.TRUST_PROXY_HOPS} proxies on loopback or private addresses. Set TRUSTED_PROXIES to your proxies' addresses instead.`,
    ],
  };
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
