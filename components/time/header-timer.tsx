"use client";

// The running timer in the header, on every page. The timer lives in the database; this shows it
// and follows changes from other tabs (BroadcastChannel), other devices (the user's realtime room
// `user:<id>`, event `timer.updated`) and after the tab was hidden (refetch on focus).
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { useRealtime } from "@/components/realtime/use-realtime.ts";
import { Button } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { PlayIcon, StopIcon } from "@/components/ui/icons.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { WireEvent } from "@/lib/realtime/events.ts";
import { localIsoDate } from "@/lib/time/dates.ts";
import { formatDuration } from "@/lib/time/duration.ts";
import type { EntryJson } from "@/lib/time/entries.ts";
import type { TimerJson } from "@/lib/time/timer.ts";
import {
  announceLocalTimeChange,
  announceTimeChange,
  type BookingTargets,
  listenTimeChanges,
  TargetSelect,
  targetBody,
} from "./shared.tsx";

type TimerState = { timer: TimerJson | null; now: string };

/** Seconds as h:mm:ss. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

export function timerLabel(timer: TimerJson, fallback: string): string {
  return timer.card?.key ?? timer.project?.name ?? timer.customer?.name ?? timer.description ?? fallback;
}

export function HeaderTimer({ userId, initial }: { userId: number; initial: TimerState }) {
  const t = useT();
  const [timer, setTimer] = useState<TimerJson | null>(initial.timer);
  // The server's clock minus ours, so that a wrong local clock still counts from the real start.
  const skew = useRef(new Date(initial.now).getTime() - Date.now());
  const [now, setNow] = useState(() => Date.now());
  const [open, setOpen] = useState(false);

  const refresh = useCallback(async () => {
    const res = await api<TimerState>("GET", "/timer");
    if (!res.ok) return;
    skew.current = new Date(res.data.now).getTime() - Date.now();
    setTimer(res.data.timer);
  }, []);

  const onEvent = useCallback((event: WireEvent) => {
    if (event.type === "timer.updated") setTimer((event.data as { timer: TimerJson | null }).timer);
    // Entries booked elsewhere (another device, a script): the week view on this page refetches.
    if (event.type.startsWith("time_entry.")) announceLocalTimeChange();
  }, []);
  useRealtime({ room: `user:${userId}`, onEvent, onResync: () => void refresh() });

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    const stop = listenTimeChanges(() => void refresh());
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      stop();
    };
  }, [refresh]);

  useEffect(() => {
    if (!timer) return;
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [timer]);

  const elapsed = timer ? (now + skew.current - new Date(timer.startedAt).getTime()) / 1000 : 0;

  async function stop() {
    const res = await api<EntryJson>("POST", "/timer/stop", {});
    if (!res.ok) {
      toast(res.error.message || t("common.error.generic"), { variant: "error" });
      return;
    }
    setTimer(null);
    setOpen(false);
    announceTimeChange();
    toast(t("time.timer.booked", { duration: formatDuration(res.data.minutes), date: res.data.date }), { variant: "success" });
  }

  async function discard() {
    if (!window.confirm(t("time.timer.discardConfirm"))) return;
    const res = await api("DELETE", "/timer");
    if (res.ok || res.error.status === 404) {
      setTimer(null);
      setOpen(false);
      announceTimeChange();
    }
  }

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        {timer ? (
          <button
            type="button"
            data-testid="header-timer"
            data-running="true"
            aria-label={t("time.timer.runningLabel", {
              elapsed: clock(elapsed),
              what: timerLabel(timer, t("time.timer.untitled")),
            })}
            className="flex h-8 max-w-64 items-center gap-2 rounded-md border border-accent/40 bg-accent-soft px-2.5 text-[13px] font-medium text-text hover:border-accent"
          >
            <span aria-hidden="true" className="size-2 shrink-0 animate-pulse rounded-full bg-accent" />
            <span className="font-mono tabular-nums" data-testid="header-timer-elapsed">
              {clock(elapsed)}
            </span>
            <span className="hidden truncate text-muted md:inline">{timerLabel(timer, t("time.timer.untitled"))}</span>
          </button>
        ) : (
          <button
            type="button"
            data-testid="header-timer"
            data-running="false"
            className="flex h-8 items-center gap-1.5 rounded-md px-2.5 text-[13px] font-medium text-muted hover:bg-surface-2 hover:text-text"
          >
            <PlayIcon size={13} />
            <span className="sr-only sm:not-sr-only">{t("time.timer.start")}</span>
          </button>
        )}
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80">
        {timer ? (
          <RunningPanel timer={timer} elapsed={elapsed} onStop={stop} onDiscard={discard} onChange={setTimer} />
        ) : (
          <StartPanel
            onStarted={(next) => {
              setTimer(next);
              setOpen(false);
              announceTimeChange();
            }}
          />
        )}
      </PopoverContent>
    </Popover>
  );
}

function RunningPanel({
  timer,
  elapsed,
  onStop,
  onDiscard,
  onChange,
}: {
  timer: TimerJson;
  elapsed: number;
  onStop: () => void;
  onDiscard: () => void;
  onChange: (timer: TimerJson) => void;
}) {
  const t = useT();
  const [description, setDescription] = useState(timer.description ?? "");
  async function saveDescription() {
    if ((timer.description ?? "") === description.trim()) return;
    const res = await api<{ timer: TimerJson }>("PATCH", "/timer", { description: description.trim() || null });
    if (res.ok) onChange(res.data.timer);
    else toast(res.error.message || t("common.error.generic"), { variant: "error" });
  }
  const where = [timer.customer?.name, timer.project?.name, timer.card ? `${timer.card.key} ${timer.card.title}` : null]
    .filter(Boolean)
    .join(" · ");
  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-baseline justify-between gap-2">
        <span className="font-mono text-2xl font-semibold tabular-nums">{clock(elapsed)}</span>
        <span className="text-xs text-muted">
          {t("time.timer.since", { time: new Date(timer.startedAt).toLocaleTimeString() })}
        </span>
      </div>
      <p className="text-[13px] text-muted">{where || t("time.target.none")}</p>
      <Field label={t("time.entry.description")}>
        <Input
          value={description}
          maxLength={5000}
          onChange={(e) => setDescription(e.target.value)}
          onBlur={saveDescription}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void saveDescription().then(onStop);
            }
          }}
        />
      </Field>
      <div className="flex items-center justify-between gap-2">
        <Button variant="ghost" size="sm" onClick={onDiscard}>
          {t("time.timer.discard")}
        </Button>
        <Button variant="primary" onClick={onStop} data-testid="timer-stop">
          <StopIcon size={14} />
          {t("time.timer.stop")}
        </Button>
      </div>
    </div>
  );
}

function StartPanel({ onStarted }: { onStarted: (timer: TimerJson) => void }) {
  const t = useT();
  const [targets, setTargets] = useState<BookingTargets | null>(null);
  const [target, setTarget] = useState("");
  const [description, setDescription] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void api<BookingTargets>("GET", "/time-entries/targets").then((res) => {
      if (res.ok) setTargets(res.data);
    });
  }, []);
  async function start(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const res = await api<{ timer: TimerJson }>("POST", "/timer/start", {
      date: localIsoDate(),
      description: description.trim() || null,
      ...targetBody(target),
    });
    setBusy(false);
    if (res.ok) onStarted(res.data.timer);
    else toast(res.error.message || t("common.error.generic"), { variant: "error" });
  }
  return (
    <form onSubmit={start} className="flex flex-col gap-3">
      <Field label={t("time.entry.description")}>
        <Input
          value={description}
          autoFocus
          maxLength={5000}
          placeholder={t("time.timer.placeholder")}
          onChange={(e) => setDescription(e.target.value)}
        />
      </Field>
      <Field label={t("time.entry.target")}>
        {targets ? (
          <TargetSelect targets={targets} value={target} onChange={setTarget} className="w-full" />
        ) : (
          <Input disabled value={t("common.loading")} readOnly />
        )}
      </Field>
      <div className="flex items-center justify-between gap-2">
        <Link href="/time" className={cn("text-xs text-muted hover:text-text")}>
          {t("time.timer.openWeek")}
        </Link>
        <Button type="submit" variant="primary" loading={busy} data-testid="timer-start">
          <PlayIcon size={13} />
          {t("time.timer.start")}
        </Button>
      </div>
    </form>
  );
}
