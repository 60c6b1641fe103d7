"use client";

// Building blocks of the time pages: the booking-target picker, duration formatting in the
// user's language, and the cross-tab signal that time changed (the timer, an entry booked).
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import { Select } from "@/components/ui/select.tsx";
import { formatDuration, formatHours } from "@/lib/time/duration.ts";
import type { BookingTargets } from "@/lib/time/targets.ts";

export type { BookingTargets };

/** `p:<slug>` (a project), `c:<slug>` (a customer without project) or "" (neither). */
export type TargetValue = string;

export function targetBody(value: TargetValue): { projectSlug: string | null; customerSlug: string | null } {
  if (value.startsWith("p:")) return { projectSlug: value.slice(2), customerSlug: null };
  if (value.startsWith("c:")) return { projectSlug: null, customerSlug: value.slice(2) };
  return { projectSlug: null, customerSlug: null };
}

export function TargetSelect({
  targets,
  value,
  onChange,
  id,
  className,
  allowNone = true,
  noneLabel,
}: {
  targets: BookingTargets;
  value: TargetValue;
  onChange: (value: TargetValue) => void;
  id?: string;
  className?: string;
  allowNone?: boolean;
  /** The text of the empty choice (default: "No project or customer"). */
  noneLabel?: string;
}) {
  const t = useT();
  return (
    <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={className}>
      {allowNone ? <option value="">{noneLabel ?? t("time.target.none")}</option> : null}
      {targets.projects.length ? (
        <optgroup label={t("time.target.projects")}>
          {targets.projects.map((p) => (
            <option key={p.id} value={`p:${p.slug}`}>
              {p.customer ? `${p.name} · ${p.customer.name}` : p.name}
            </option>
          ))}
        </optgroup>
      ) : null}
      {targets.customers.length ? (
        <optgroup label={t("time.target.customers")}>
          {targets.customers.map((c) => (
            <option key={c.id} value={`c:${c.slug}`}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ) : null}
    </Select>
  );
}

/** The customer's active contracts for the target (a project's customer, or the customer itself). */
export function contractsFor(targets: BookingTargets, value: TargetValue) {
  const customerSlug = value.startsWith("c:")
    ? value.slice(2)
    : targets.projects.find((p) => `p:${p.slug}` === value)?.customer?.slug;
  return targets.customers.find((c) => c.slug === customerSlug)?.contracts ?? [];
}

/** Minutes as h:mm, and as decimal hours in the user's language. */
export function useDurations() {
  const language = useLanguage();
  return { hm: formatDuration, hours: (minutes: number, digits = 1) => formatHours(minutes, language, digits) };
}

const CHANNEL = "warmdesk-time";

/** Tells this tab's other components (not other tabs) that time changed, e.g. on a realtime event. */
export function announceLocalTimeChange(): void {
  window.dispatchEvent(new Event(CHANNEL));
}

/** Tells this tab's other components and the other tabs that time changed (timer or entries). */
export function announceTimeChange(): void {
  announceLocalTimeChange();
  if ("BroadcastChannel" in window) {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage("changed");
    channel.close();
  }
}

/** Calls `onChange` when time changed in this tab or another one. Returns the cleanup. */
export function listenTimeChanges(onChange: () => void): () => void {
  window.addEventListener(CHANNEL, onChange);
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(CHANNEL) : null;
  if (channel) channel.onmessage = onChange;
  return () => {
    window.removeEventListener(CHANNEL, onChange);
    channel?.close();
  };
}
