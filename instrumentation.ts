// Runs once when a Next.js server process starts. The periodic cleanup (audit retention, expired
// sessions and reset tokens, stale login throttles) lives in the web process: it needs no extra
// service, and several instances running it at once only repeat idempotent DELETEs. The jobs of
// lib/jobs/jobs.ts (budget alerts, due-date reminders, outbound webhook deliveries) run the same
// way; each claims its work in the database, so several instances do each piece once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.WARMDESK_EVENTS_LOST === "1") {
    // The previous web process died: some committed writes' events may never have been published.
    const { announceLostEvents } = await import("./lib/realtime/publish.ts");
    announceLostEvents();
  }
  // Settings are cached while this feed from the sidecar is connected (lib/cache/invalidation.ts).
  const { startInvalidationFeed } = await import("./lib/cache/invalidation.ts");
  await startInvalidationFeed();
  const { startCleanupTimer } = await import("./lib/audit/cleanup.ts");
  startCleanupTimer();
  const { startAttachmentCleanupTimer } = await import("./lib/attachments/cleanup.ts");
  startAttachmentCleanupTimer();
  const { startDigestSchedule } = await import("./lib/notifications/notify.ts");
  startDigestSchedule();
  const { startJobs } = await import("./lib/jobs/jobs.ts");
  startJobs();
}
