// Runs once when a Next.js server process starts. The periodic cleanup (audit retention, expired
// sessions and reset tokens, stale login throttles) lives in the web process: it needs no extra
// service, and several instances running it at once only repeat idempotent DELETEs. The jobs of
// lib/jobs/jobs.ts (budget alerts, due-date reminders, outbound webhook deliveries) run the same
// way; each claims its work in the database, so several instances do each piece once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startCleanupTimer } = await import("./lib/audit/cleanup.ts");
  startCleanupTimer();
  const { startAttachmentCleanupTimer } = await import("./lib/attachments/cleanup.ts");
  startAttachmentCleanupTimer();
  const { startDigestSchedule } = await import("./lib/notifications/notify.ts");
  startDigestSchedule();
  const { startJobs } = await import("./lib/jobs/jobs.ts");
  startJobs();
}
