// Failed sign-ins are counted in `login_throttles`, per account (`account:<email>`, counted whether or
// not the email exists, so a lock tells nothing about existence) and per IP (`ip:<addr>`, with a
// higher threshold). After a few failures answers slow down; at `lockout_threshold` failures within
// `lockout_minutes` the key is locked for `lockout_minutes`. Every step is one atomic conditional
// statement, so several instances sharing the database agree on the counts.
import { getDb } from "../db/client.ts";
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

async function countFailure(key: string, threshold: number, lockMinutes: number, now: Date) {
  const db = getDb();
  const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
  try {
    await db.loginThrottle.create({ data: { key, failures: 0, lastFailure: now }, select: { id: true } });
  } catch (e) {
    if ((e as { code?: string }).code !== "P2002") throw e; // another request created it: fine
  }
  // The first failure of a new window starts the count again; otherwise add one. Both are single
  // conditional statements: two concurrent failures cannot both restart the count.
  const restarted = await db.loginThrottle.updateMany({
    where: { key, lastFailure: { lt: windowStart } },
    data: { failures: 1, lastFailure: now },
  });
  if (restarted.count === 0) {
    await db.loginThrottle.updateMany({ where: { key }, data: { failures: { increment: 1 }, lastFailure: now } });
  }
  const row = await db.loginThrottle.findUnique({ where: { key }, select: { failures: true } });
  const failures = row?.failures ?? 1;
  let until: Date | null = null;
  if (failures >= threshold) {
    // Lock once: only the request whose update matched reports it. The count starts again after.
    const candidate = new Date(now.getTime() + lockMinutes * 60_000);
    const { count } = await db.loginThrottle.updateMany({
      where: { key, failures: { gte: threshold }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { lockedUntil: candidate, failures: 0 },
    });
    if (count === 1) until = candidate;
  }
  return { failures, until };
}

/** Counts a failed sign-in (wrong password, unknown email, disabled account, wrong MFA code). */
export async function recordSignInFailure(keys: ThrottleKeys, now = new Date()): Promise<FailureResult> {
  const { lockout_threshold: threshold, lockout_minutes: lockMinutes } = await getSettings();
  const account = await countFailure(keys.account, threshold, lockMinutes, now);
  const locked: FailureResult["locked"] = [];
  if (account.until) locked.push({ key: keys.account, until: account.until });
  let ipFailures = 0;
  if (keys.ip) {
    const ip = await countFailure(keys.ip, threshold * IP_THRESHOLD_FACTOR, lockMinutes, now);
    if (ip.until) locked.push({ key: keys.ip, until: ip.until });
    ipFailures = Math.floor(ip.failures / IP_THRESHOLD_FACTOR);
  }
  return { failures: account.failures, locked, delayMs: delayFor(Math.max(account.failures, ipFailures)) };
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
