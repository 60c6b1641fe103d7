"use client";
// The quiet connection indicator: a dot and "Live" once the page follows its rooms, a pulsing
// "Reconnecting…" (with what it means in the tooltip) while live updates are interrupted.
import { useT } from "../i18n-provider.tsx";
import { cn } from "../ui/cn.ts";
import type { RealtimeStatus } from "./use-realtime.ts";

export function LiveStatus({ status, className }: { status: RealtimeStatus; className?: string }) {
  const t = useT();
  return (
    <span
      role="status"
      data-testid="realtime-status"
      data-status={status}
      title={status === "reconnecting" ? t("realtime.reconnectingHint") : undefined}
      className={cn(
        "inline-flex items-center gap-1.5 text-[11px] transition-opacity",
        status === "reconnecting" ? "text-warning" : "text-muted",
        status === "connecting" && "opacity-0",
        className,
      )}
    >
      <span
        aria-hidden="true"
        className={cn("size-1.5 rounded-full", status === "live" ? "bg-success" : "animate-pulse bg-warning")}
      />
      {status === "reconnecting" ? t("realtime.reconnecting") : status === "live" ? t("realtime.live") : null}
    </span>
  );
}
