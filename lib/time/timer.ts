// The running timer: one per user, a database row, so it survives reloads and shows in every tab
// and on every device (each is told through the user's realtime room). Stopping books an entry
// through the same rules as any other booking (lib/time/entries.ts) and removes the row, in one
// transaction. Starting while one runs stops that one first (as Toggl does).

import { z } from "zod";
import type { Actor } from "../auth/actor.ts";
import { checkContractAlertsSoon } from "../billing/alerts.ts";
import { getDb, type Tx } from "../db/client.ts";
import { notFound, parseInput } from "../errors.ts";
import { userRoom } from "../realtime/events.ts";
import { publish } from "../realtime/publish.ts";
import { dateOf, isoOf, todayUtc } from "./dates.ts";
import { MAX_ENTRY_MINUTES } from "./duration.ts";
import {
  ENTRY_TARGET,
  type EntryJson,
  entryJson,
  entryMinutes,
  insertEntry,
  invalid,
  lockCutoff,
  resolveTarget,
  type Target,
  ZIsoDate,
} from "./entries.ts";

export const ZStartTimer = z
  .object({
    /** The day to book on, in the user's own calendar (browsers send theirs); default today (UTC). */
    date: ZIsoDate.optional(),
    description: z.string().trim().max(5000).nullish(),
    ...ENTRY_TARGET,
  })
  .strict();

export const ZUpdateTimer = z
  .object({
    description: z.string().trim().max(5000).nullable(),
    /** Correct when it started (not in the future, not more than 24 hours ago). */
    startedAt: z.iso.datetime({ offset: true }),
    ...ENTRY_TARGET,
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");

export const ZStopTimer = z
  .object({
    /** Book this instead of the measured time. */
    minutes: z.number().int().optional(),
    duration: z.string().max(32).optional(),
    description: z.string().trim().max(5000).nullish(),
  })
  .strict();

const TIMER_SELECT = {
  id: true,
  startedAt: true,
  date: true,
  description: true,
  customerId: true,
  projectId: true,
  cardId: true,
  contractId: true,
  customer: { select: { id: true, slug: true, name: true, color: true } },
  project: { select: { id: true, slug: true, key: true, name: true, color: true } },
  card: { select: { id: true, number: true, title: true } },
  contract: { select: { id: true, name: true } },
} as const;

type TimerRow = {
  id: number;
  startedAt: Date;
  date: Date;
  description: string | null;
  contractId: number | null;
  customer: { id: number; slug: string; name: string; color: string | null } | null;
  project: { id: number; slug: string; key: string; name: string; color: string | null } | null;
  card: { id: number; number: number; title: string } | null;
  contract: { id: number; name: string } | null;
};

function timerJson(row: TimerRow) {
  return {
    startedAt: row.startedAt.toISOString(),
    date: isoOf(row.date),
    description: row.description,
    customer: row.customer,
    project: row.project,
    card: row.card && row.project ? { key: `${row.project.key}-${row.card.number}`, title: row.card.title } : null,
    contract: row.contract,
  };
}
export type TimerJson = ReturnType<typeof timerJson>;

/** The running timer, with the server's clock so that a browser with a wrong clock still counts right. */
export async function getTimer(actor: Actor) {
  const row = await getDb().runningTimer.findUnique({ where: { userId: actor.userId }, select: TIMER_SELECT });
  return { timer: row ? timerJson(row) : null, now: new Date().toISOString() };
}

/** Whole minutes since the start, at least 1. */
export const elapsedMinutes = (startedAt: Date, now = new Date()) =>
  Math.max(1, Math.round((now.getTime() - startedAt.getTime()) / 60_000));

/** Books the running timer (inside tx) and removes it; the entry's JSON. */
async function bookTimer(
  tx: Tx,
  actor: Actor,
  row: TimerRow,
  target: Target,
  minutes: number,
  description: string | null,
  cutoff: string | null,
) {
  if (minutes > MAX_ENTRY_MINUTES) {
    invalid("minutes", "The timer ran for more than 24 hours: give the time to book (minutes or duration), or discard it.");
  }
  const entry = await insertEntry(tx, { id: actor.userId }, isoOf(row.date), minutes, target, description);
  await tx.runningTimer.delete({ where: { id: row.id } });
  return entryJson(entry, cutoff);
}

/** The running timer's target, resolved again at booking time (access may have changed since it started). */
async function targetOfTimer(actor: Actor, row: TimerRow): Promise<Target> {
  return resolveTarget(
    actor,
    {
      projectSlug: row.project?.slug ?? null,
      cardKey: row.project && row.card ? `${row.project.key}-${row.card.number}` : null,
      customerSlug: row.project ? undefined : (row.customer?.slug ?? null),
      contractId: row.contractId,
    },
    isoOf(row.date),
  );
}

function publishTimer(userId: number, timer: TimerJson | null, stopped: EntryJson | null) {
  if (stopped) checkContractAlertsSoon([stopped.contract?.id]);
  publish([
    ...(stopped ? [{ room: userRoom(userId), type: "time_entry.created" as const, data: stopped }] : []),
    { room: userRoom(userId), type: "timer.updated", data: { timer } },
  ]);
}

export async function startTimer(actor: Actor, input: unknown) {
  const data = parseInput(ZStartTimer, input);
  const date = data.date ?? todayUtc();
  const target = await resolveTarget(actor, data, date);
  const db = getDb();
  const cutoff = await lockCutoff();
  const running = await db.runningTimer.findUnique({ where: { userId: actor.userId }, select: TIMER_SELECT });
  const runningTarget = running ? await targetOfTimer(actor, running) : null;
  const result = await db.$transaction(async (tx) => {
    const stopped =
      running && runningTarget
        ? await bookTimer(tx, actor, running, runningTarget, elapsedMinutes(running.startedAt), running.description, cutoff)
        : null;
    const row = await tx.runningTimer.create({
      data: { userId: actor.userId, startedAt: new Date(), date: dateOf(date), description: data.description || null, ...target },
      select: TIMER_SELECT,
    });
    return { timer: timerJson(row), stopped };
  });
  publishTimer(actor.userId, result.timer, result.stopped);
  return result;
}

async function requireTimer(actor: Actor) {
  const row = await getDb().runningTimer.findUnique({ where: { userId: actor.userId }, select: TIMER_SELECT });
  if (!row) throw notFound("No timer is running.");
  return row;
}

export async function updateTimer(actor: Actor, input: unknown) {
  const data = parseInput(ZUpdateTimer, input);
  const row = await requireTimer(actor);
  let target: Target | undefined;
  if (["projectSlug", "cardKey", "customerSlug", "contractId"].some((k) => k in data)) {
    const projectChanged = "projectSlug" in data && data.projectSlug !== (row.project?.slug ?? null);
    target = await resolveTarget(
      actor,
      {
        projectSlug: "projectSlug" in data ? data.projectSlug : (row.project?.slug ?? null),
        cardKey:
          "cardKey" in data
            ? data.cardKey
            : projectChanged || !row.card || !row.project
              ? null
              : `${row.project.key}-${row.card.number}`,
        customerSlug:
          "customerSlug" in data ? data.customerSlug : "projectSlug" in data ? undefined : (row.customer?.slug ?? null),
        contractId: "contractId" in data ? data.contractId : undefined,
      },
      isoOf(row.date),
    );
  }
  let startedAt: Date | undefined;
  if (data.startedAt !== undefined) {
    startedAt = new Date(data.startedAt);
    const now = Date.now();
    if (startedAt.getTime() > now) invalid("startedAt", "The timer cannot start in the future.");
    if (now - startedAt.getTime() > MAX_ENTRY_MINUTES * 60_000) invalid("startedAt", "A timer can run for at most 24 hours.");
  }
  const updated = await getDb().runningTimer.update({
    where: { id: row.id },
    data: {
      ...(data.description !== undefined ? { description: data.description || null } : {}),
      ...(startedAt ? { startedAt } : {}),
      ...(target ?? {}),
    },
    select: TIMER_SELECT,
  });
  const timer = timerJson(updated);
  publishTimer(actor.userId, timer, null);
  return { timer };
}

/** Stops the timer and books it: the measured minutes (rounded, at least 1) or the ones given. */
export async function stopTimer(actor: Actor, input: unknown) {
  const data = parseInput(ZStopTimer, input);
  const row = await requireTimer(actor);
  const given = data.minutes !== undefined || data.duration !== undefined;
  const minutes = given ? entryMinutes(data) : elapsedMinutes(row.startedAt);
  const target = await targetOfTimer(actor, row);
  const cutoff = await lockCutoff();
  const description = data.description !== undefined ? data.description || null : row.description;
  const entry = await getDb().$transaction(async (tx) => {
    // Stopped at the same moment in another tab: the row is gone, and this stop answers 404.
    const still = await tx.runningTimer.findUnique({ where: { id: row.id }, select: { id: true } });
    if (!still) throw notFound("No timer is running.");
    return bookTimer(tx, actor, row, target, minutes, description, cutoff);
  });
  publishTimer(actor.userId, null, entry);
  return entry;
}

/** Throws the running timer away without booking. */
export async function discardTimer(actor: Actor): Promise<void> {
  const { count } = await getDb().runningTimer.deleteMany({ where: { userId: actor.userId } });
  if (!count) throw notFound("No timer is running.");
  publishTimer(actor.userId, null, null);
}
