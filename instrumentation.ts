// Runs once when a Next.js server process starts. The periodic cleanup (audit retention, expired
// sessions and reset tokens, stale login throttles) lives in the web process: it needs no extra
// service, and several instances running it at once only repeat idempotent DELETEs.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig, startupWarnings } = await import("./lib/config.ts");
  for (const warning of startupWarnings(getConfig())) console.warn(`WarmDesk: ${warning}`);
  const { startCleanupTimer } = await import("./lib/audit/cleanup.ts");
  startCleanupTimer();
  const { startAttachmentCleanupTimer } = await import("./lib/attachments/cleanup.ts");
  startAttachmentCleanupTimer();
  const { startDigestSchedule } = await import("./lib/notifications/notify.ts");
  startDigestSchedule();
}
