"use client";
// Server-rendered pages that others' changes affect (a customer's page, time reports): follow the
// rooms and re-render the page (router.refresh) once per burst of matching events, and after a gap.
// Shows the quiet connection indicator.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { WireEvent } from "../../lib/realtime/events.ts";
import { LiveStatus } from "./live-status.tsx";
import { useRealtime } from "./use-realtime.ts";

/** A join this soon after the page was rendered has nothing new to show: no second render. */
const FRESH_MS = 5000;
const BURST_MS = 300;

export function LiveRefresh({
  rooms,
  eventPrefix,
  className,
}: {
  /** At least one room; the page is live once all are joined. */
  rooms: [string, ...string[]];
  /** Only events whose type starts with this (or one of these) re-render the page (e.g. "time_entry."). */
  eventPrefix: string | string[];
  className?: string;
}) {
  const router = useRouter();
  const mounted = useRef(Date.now());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const schedule = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), BURST_MS);
  };
  const status = useRealtime({
    room: rooms[0],
    extraRooms: rooms.slice(1),
    onEvent: (event: WireEvent) => {
      const prefixes = Array.isArray(eventPrefix) ? eventPrefix : [eventPrefix];
      if (prefixes.some((p) => event.type.startsWith(p))) schedule();
    },
    onResync: () => {
      if (Date.now() - mounted.current > FRESH_MS) schedule();
    },
  });
  return <LiveStatus status={status} className={className} />;
}
