// Periodic housekeeping: audit rows older than the retention setting, expired or idle sessions,
// used or expired password reset tokens, and login throttle rows that neither lock nor count any more.
// Safe to run from several instances at once: each step is one idempotent DELETE.

import { cleanupLoginThrottles } from "../auth/lockout.ts";
import { getDb } from "../db/client.ts";
import { countJob } from "../metrics/metrics.ts";
import { getSettings } from "../settings/settings.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export type CleanupResult = { auditLogs: number; sessions: number; resetTokens: number; loginThrottles: number };

export async function runCleanup(now: Date = new Date()): Promise<CleanupResult> {
  const db = getDb();
  const settings = await getSettings();
  const auditBefore = new Date(now.getTime() - settings.audit_retention_days * DAY_MS);
  const idleBefore = new Date(now.getTime() - settings.session_idle_minutes * 60_000);
  const auditLogs = await db.auditLog.deleteMany({ where: { createdAt: { lt: auditBefore } } });
  const sessions = await db.session.deleteMany({
    where: { OR: [{ expiresAt: { lt: now } }, { lastActiveAt: { lt: idleBefore } }] },
  });
  const resetTokens = await db.passwordResetToken.deleteMany({
    where: { OR: [{ usedAt: { not: null } }, { expiresAt: { lt: now } }] },
  });
  const loginThrottles = await cleanupLoginThrottles(now);
  return {
    auditLogs: auditLogs.count,
    sessions: sessions.count,
    resetTokens: resetTokens.count,
    loginThrottles,
  };
}

const HOUR_MS = 60 * 60 * 1000;

/** Runs the cleanup now and then hourly in this process; the timer does not keep the process alive. */
export function startCleanupTimer(log: (line: string) => void = console.log): () => void {
  // One timer per process, even when the dev server re-runs instrumentation after a reload.
  const g = globalThis as { __warmdeskCleanup?: () => void };
  if (g.__warmdeskCleanup) return g.__warmdeskCleanup;
  const run = () =>
    countJob("cleanup", runCleanup)
      .then((r) => {
        const total = r.auditLogs + r.sessions + r.resetTokens + r.loginThrottles;
        if (total) log(`cleanup: removed ${JSON.stringify(r)}`);
      })
      .catch((e) => console.error("cleanup failed:", (e as Error).message));
  void run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  g.__warmdeskCleanup = () => {
    clearInterval(timer);
    g.__warmdeskCleanup = undefined;
  };
  return g.__warmdeskCleanup;
}
