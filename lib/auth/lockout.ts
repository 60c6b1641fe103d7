// Attempts at an account's secrets are counted in `login_throttles`, per account (`account:<email>`,
// counted whether or not the email exists, so a lock tells nothing about existence) and per IP
// (`ip:<addr>`, with a higher threshold): sign-in (password and second factor) and every other proof
// of a secret (the current password to change it, the password or a code to turn MFA off or renew
// recovery codes) share the count. An attempt is reserved before the secret is checked, so
// concurrent guesses cannot outrun the count. After a few failures answers slow down; at
// `lockout_threshold` failures within `lockout_minutes` the key is locked for `lockout_minutes`.
// Every step is one atomic conditional statement, so several instances sharing the database agree.
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { getDb } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { getSetting, getSettings } from "../settings/settings.ts";

/** The IP threshold is this many times the account threshold (an office shares one address). */
export const IP_THRESHOLD_FACTOR = 4;
/** Failures before answers start to slow down, and the longest delay. */
const FREE_FAILURES = 2;
const MAX_DELAY_MS = 2000;

const KEY_MAX = 191;

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`.slice(0, KEY_MAX);
export const ipKey = (ip: string) => `ip:${ip}`.slice(0, KEY_MAX);

export type ThrottleKeys = { account: string; ip: string | null };

export function throttleKeys(email: string, ip: string | null | undefined): ThrottleKeys {
  return { account: accountKey(email), ip: ip ? ipKey(ip) : null };
}

const keyList = (keys: ThrottleKeys) => [keys.account, ...(keys.ip ? [keys.ip] : [])];

/** Is the account or the IP locked right now? Returns when the lock ends (the later one). */
export async function lockedUntil(keys: ThrottleKeys, now = new Date()): Promise<Date | null> {
  const rows = await getDb().loginThrottle.findMany({
    where: { key: { in: keyList(keys) }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const ends = rows.map((r) => r.lockedUntil?.getTime() ?? 0);
  return ends.length ? new Date(Math.max(...ends)) : null;
}

type FailureResult = {
  /** Failures of the account key in the current window (after this one). */
  failures: number;
  /** The keys this failure locked (each lock is reported once, by the instance that set it). */
  locked: { key: string; until: Date }[];
  /** How long to wait before answering. */
  delayMs: number;
};

const notLocked = (now: Date) => ({ OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] });

/**
 * Reserves one attempt under `key` before the secret is checked: counted unless the key is locked
 * or already has `threshold` attempts in the window. Each step is one conditional statement, so of
 * any number of concurrent attempts at most `threshold` get through, on every engine and instance
 * (checking the lock first and counting after the check let all of them through).
 */
async function reserve(key: string, threshold: number, lockMinutes: number, now: Date): Promise<boolean> {
  const db = getDb();
  const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
  try {
    await db.loginThrottle.create({ data: { key, failures: 0, lastFailure: now }, select: { id: true } });
  } catch (e) {
    if ((e as { code?: string }).code !== "P2002") throw e; // another request created it: fine
  }
  // The first attempt of a new window starts the count again; otherwise count one more, below the
  // threshold only. Two concurrent restarts cannot both restart: the second no longer matches.
  const restarted = await db.loginThrottle.updateMany({
    where: { key, lastFailure: { lt: windowStart }, ...notLocked(now) },
    data: { failures: 1, lastFailure: now },
  });
  if (restarted.count === 1) return true;
  const counted = await db.loginThrottle.updateMany({
    where: { key, failures: { lt: threshold }, ...notLocked(now) },
    data: { failures: { increment: 1 }, lastFailure: now },
  });
  return counted.count === 1;
}

/** Gives a reservation back (the attempt was not a guess, or it was right and must not count). */
async function release(key: string): Promise<void> {
  await getDb().loginThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

/** After a wrong guess: locks the key once its count reached the threshold. Returns the lock's end
 * when this request set it (each lock is reported once), and the count. */
async function lockIfReached(key: string, threshold: number, lockMinutes: number, now: Date) {
  const db = getDb();
  const row = await db.loginThrottle.findUnique({ where: { key }, select: { failures: true } });
  const failures = row?.failures ?? 0;
  if (failures < threshold) return { failures, until: null };
  const candidate = new Date(now.getTime() + lockMinutes * 60_000);
  const { count } = await db.loginThrottle.updateMany({
    where: { key, failures: { gte: threshold }, ...notLocked(now) },
    data: { lockedUntil: candidate, failures: 0 },
  });
  return { failures, until: count === 1 ? candidate : null };
}

/** A reserved attempt at a secret: report how it went exactly once. */
export type Attempt = {
  /** A wrong guess: it stays counted, and locks the account or address at the threshold. */
  fail(): Promise<FailureResult>;
  /** The secret was right: the account's count is forgotten, the address's reservation given back
   * (one good account must not reset a guesser's count, nor may an office's sign-ins add up). */
  succeed(): Promise<void>;
  /** Not a guess after all (e.g. the second factor is still to come): the reservation is given back. */
  release(): Promise<void>;
};

/**
 * Reserves an attempt at an account's secret (password, second factor, recovery code) from an
 * address, before the secret is checked. Null when the account or the address is locked, or when
 * as many attempts as the threshold allows are already counted or in flight.
 */
export async function reserveAttempt(keys: ThrottleKeys, now = new Date()): Promise<Attempt | null> {
  const { lockout_threshold: threshold, lockout_minutes: lockMinutes } = await getSettings();
  const ipThreshold = threshold * IP_THRESHOLD_FACTOR;
  if (!(await reserve(keys.account, threshold, lockMinutes, now))) return null;
  if (keys.ip && !(await reserve(keys.ip, ipThreshold, lockMinutes, now))) {
    await release(keys.account);
    return null;
  }
  return {
    async fail() {
      const at = new Date();
      const account = await lockIfReached(keys.account, threshold, lockMinutes, at);
      const locked: FailureResult["locked"] = [];
      if (account.until) locked.push({ key: keys.account, until: account.until });
      let ipFailures = 0;
      if (keys.ip) {
        const ip = await lockIfReached(keys.ip, ipThreshold, lockMinutes, at);
        if (ip.until) locked.push({ key: keys.ip, until: ip.until });
        ipFailures = Math.floor(ip.failures / IP_THRESHOLD_FACTOR);
      }
      return { failures: account.failures, locked, delayMs: delayFor(Math.max(account.failures, ipFailures)) };
    },
    async succeed() {
      await resetAccountFailures(keys);
      if (keys.ip) await release(keys.ip);
    },
    async release() {
      await release(keys.account);
      if (keys.ip) await release(keys.ip);
    },
  };
}

/** Audits the locks a failure set (`auth.locked`), the account's under the user when known. */
export async function auditLocks(
  locked: { key: string; until: Date }[],
  keys: ThrottleKeys,
  userId: number | null,
  meta: RequestMeta,
): Promise<void> {
  for (const lock of locked) {
    await recordAudit({
      actor: lock.key === keys.account ? userId : null,
      action: "auth.locked",
      details: { key: lock.key, until: lock.until.toISOString() },
      meta,
    });
  }
}

/**
 * Checks a signed-in user's proof of one of their secrets (the current password, a TOTP or recovery
 * code) under their account's sign-in count: 429 while the account or the address is locked, and a
 * wrong proof counts, audits and slows down exactly like a wrong sign-in, so a stolen session cannot
 * guess the password or the second factor faster than the sign-in form could.
 */
export async function proveSecret(
  user: { id: number; email: string },
  what: "password" | "second_factor",
  meta: RequestMeta | undefined,
  check: () => Promise<boolean>,
  options: { delay?: boolean } = {},
): Promise<boolean> {
  const keys = throttleKeys(user.email, meta?.ip);
  const attempt = await reserveAttempt(keys);
  if (!attempt) {
    const until = await lockedUntil(keys);
    const retryAfterSeconds = until ? Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)) : 1;
    throw new AppError("rate_limited", "Too many wrong attempts. Try again later.", { retryAfterSeconds });
  }
  if (await check()) {
    await attempt.succeed();
    return true;
  }
  const counted = await attempt.fail();
  await recordAudit({
    actor: user.id,
    action: "auth.proof_failed",
    resourceType: "user",
    resourceId: user.id,
    details: { what },
    meta,
  });
  await auditLocks(counted.locked, keys, user.id, meta ?? { ip: null, userAgent: null });
  if (options.delay !== false && counted.delayMs > 0) await sleep(counted.delayMs);
  return false;
}

/** Counts a failed attempt that was not reserved first (e.g. a request refused before any check). */
export async function recordSignInFailure(keys: ThrottleKeys, now = new Date()): Promise<FailureResult> {
  const attempt = await reserveAttempt(keys, now);
  return attempt ? attempt.fail() : { failures: 0, locked: [], delayMs: delayFor(Number.MAX_SAFE_INTEGER) };
}

/** 0 for the first failures, then 500 ms, 1 s, 2 s (at most). */
export function delayFor(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 250 * 2 ** (failures - FREE_FAILURES));
}

/** A successful sign-in forgets the account's failures (not the IP's: one good account must not
 * reset a guesser's count). */
export async function resetAccountFailures(keys: ThrottleKeys): Promise<void> {
  await getDb().loginThrottle.deleteMany({
    where: { key: keys.account, OR: [{ lockedUntil: null }, { lockedUntil: { lte: new Date() } }] },
  });
}

/** Rows younger than this stay, whatever the lockout window (other counters share the table,
 * e.g. password-reset requests with their own window). */
const CLEANUP_MIN_AGE_MINUTES = 60;

/** Removes rows that neither lock nor count any more (for the periodic cleanup). Returns how many. */
export async function cleanupLoginThrottles(now = new Date()): Promise<number> {
  const minutes = Math.max(await getSetting("lockout_minutes"), CLEANUP_MIN_AGE_MINUTES);
  const windowStart = new Date(now.getTime() - minutes * 60_000);
  const { count } = await getDb().loginThrottle.deleteMany({
    where: { lastFailure: { lt: windowStart }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
  });
  return count;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
