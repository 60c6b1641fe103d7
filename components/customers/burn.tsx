"use client";

// A contract's burn at a glance: a bar of used against contracted hours, the level (warning from
// 80 %, exceeded beyond 100 %) and the forecast sentence ("runs out on 14 Mar, before the end").
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { cn } from "@/components/ui/cn.ts";
import type { ContractJson } from "@/lib/customers/contracts.ts";
import { formatDuration } from "@/lib/time/duration.ts";

const FILL = { ok: "bg-success", warning: "bg-warning", exceeded: "bg-danger" } as const;

export function useShortDate() {
  const language = useLanguage();
  const format = new Intl.DateTimeFormat(language, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return (iso: string) => format.format(new Date(`${iso}T00:00:00Z`));
}

export function LevelBadge({ contract }: { contract: ContractJson }) {
  const t = useT();
  if (contract.level === "ok") return null;
  return (
    <Badge variant={contract.level === "exceeded" ? "danger" : "warning"} data-testid="burn-level">
      {contract.level === "exceeded" ? t("time.burn.exceeded") : t("time.burn.warning", { percent: contract.percentUsed })}
    </Badge>
  );
}

export function BurnBar({ contract, compact = false }: { contract: ContractJson; compact?: boolean }) {
  const t = useT();
  const date = useShortDate();
  const width = Math.min(100, contract.percentUsed);
  const f = contract.forecast;
  return (
    <div className="flex flex-col gap-1.5" data-testid="burn">
      <meter
        className="sr-only"
        min={0}
        max={Math.max(1, contract.contractedMinutes)}
        high={Math.max(1, contract.contractedMinutes) * 0.8}
        value={contract.usedMinutes}
        aria-label={contract.name}
      />
      <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-surface-2">
        <div className={cn("h-full rounded-full", FILL[contract.level])} style={{ width: `${width}%` }} />
      </div>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-xs">
        <span className="text-text" data-testid="burn-used">
          {t("time.burn.usedOf", {
            used: formatDuration(contract.usedMinutes),
            total: formatDuration(contract.contractedMinutes),
          })}
        </span>
        <span
          className={cn("font-medium", contract.remainingMinutes < 0 ? "text-danger" : "text-muted")}
          data-testid="burn-remaining"
        >
          {contract.remainingMinutes < 0
            ? t("time.burn.over", { over: formatDuration(-contract.remainingMinutes) })
            : t("time.burn.left", { left: formatDuration(contract.remainingMinutes) })}
        </span>
      </div>
      {compact ? null : (
        <p className={cn("text-xs", f.runsOutBeforeEnd ? "font-medium text-warning" : "text-muted")} data-testid="burn-forecast">
          {f.runOutDate
            ? f.runsOutBeforeEnd
              ? t("time.burn.runsOutBeforeEnd", {
                  rate: formatDuration(f.minutesPerWeek),
                  date: date(f.runOutDate),
                  end: contract.endDate ? date(contract.endDate) : "",
                })
              : t("time.burn.runsOut", { rate: formatDuration(f.minutesPerWeek), date: date(f.runOutDate) })
            : contract.remainingMinutes <= 0
              ? t("time.burn.spent")
              : t("time.burn.idle")}
        </p>
      )}
    </div>
  );
}
