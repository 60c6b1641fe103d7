"use client";
// React's view of the tab's one realtime connection (connection.ts): follow a room, see who else is
// there, see who is typing. Events arrive in `seq` order; what was missed is caught up, or the
// caller reloads (`onResync`), so a screen never stays stale after a gap or a reconnect.
import { useEffect, useRef, useState } from "react";
import type { PresenceState, PresenceUser, WireEvent } from "../../lib/realtime/events.ts";
import { type RealtimeStatus, type RoomHandlers, sharedConnection } from "./connection.ts";

export type { RealtimeStatus } from "./connection.ts";

type Options = {
  room: string;
  onEvent: (event: WireEvent) => void;
  /** Called once the room is joined (what the page rendered may predate it), and when events were lost. */
  onResync: () => void;
  /**
   * Further rooms whose events are passed on as they come (e.g. `user:<id>` for "you were removed
   * from this project"); "live" waits for them too.
   */
  extraRooms?: string[];
  /** The room was refused or taken away (access removed). */
  onDenied?: () => void;
};

/** Follows `room` (and `extraRooms`) while mounted; returns the connection's state for it. */
export function useRealtime({ room, onEvent, onResync, extraRooms = [], onDenied }: Options): RealtimeStatus {
  const [status, setStatus] = useState<RealtimeStatus>("connecting");
  const handlers = useRef({ onEvent, onResync, onDenied });
  handlers.current = { onEvent, onResync, onDenied };
  const extras = extraRooms.join(" ");

  useEffect(() => {
    const connection = sharedConnection();
    const others = extras ? extras.split(" ") : [];
    const forward: RoomHandlers = { onEvent: (e) => handlers.current.onEvent(e) };
    const unsubscribe = [
      ...others.map((other) => connection.subscribe(other, forward)),
      connection.subscribe(room, {
        onEvent: (e) => handlers.current.onEvent(e),
        onResync: () => handlers.current.onResync(),
        onDenied: () => handlers.current.onDenied?.(),
      }),
    ];
    const all = [room, ...others];
    const update = () =>
      setStatus(() => {
        const states = all.map((r) => connection.roomStatus(r));
        return states.includes("reconnecting") ? "reconnecting" : states.every((s) => s === "live") ? "live" : "connecting";
      });
    update();
    const stopListening = connection.onStatus(update);
    return () => {
      stopListening();
      for (const u of unsubscribe) u();
    };
  }, [room, extras]);

  return status;
}

/**
 * Announces this tab in `room` with `state` (e.g. `{ card: "PRJ-4", editing: true }`) and returns
 * everyone the room lists, this user included (callers leave themselves out by id).
 */
export function usePresence(room: string, state: PresenceState | null): PresenceUser[] {
  const [users, setUsers] = useState<PresenceUser[]>([]);
  const handlers = useRef<RoomHandlers>({ onPresence: setUsers });
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    const connection = sharedConnection();
    const h = handlers.current;
    const unsubscribe = connection.subscribe(room, h);
    connection.setPresence(room, h, latest.current);
    setUsers(connection.presenceOf(room));
    return unsubscribe;
  }, [room]);

  const key = state ? `${state.card ?? ""}|${state.editing ? 1 : 0}` : "";
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `state`'s contents.
  useEffect(() => {
    sharedConnection().setPresence(room, handlers.current, latest.current);
  }, [room, key]);

  return users;
}

const TYPING_SHOWN_MS = 4000;

/** Who else is typing in `room` (for a few seconds after their last key), and `notify` for this user's keys. */
export function useTyping(room: string): { typing: { id: number; username: string }[]; notify: () => void } {
  const [typing, setTyping] = useState<{ id: number; username: string; until: number }[]>([]);

  useEffect(() => {
    const connection = sharedConnection();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const prune = () => {
      const now = Date.now();
      setTyping((list) => {
        const next = list.filter((u) => u.until > now);
        if (next.length > 0) timer = setTimeout(prune, Math.min(...next.map((u) => u.until)) - now + 10);
        return next;
      });
    };
    const unsubscribe = connection.subscribe(room, {
      onTyping: (user) => {
        setTyping((list) => [...list.filter((u) => u.id !== user.id), { ...user, until: Date.now() + TYPING_SHOWN_MS }]);
        clearTimeout(timer);
        timer = setTimeout(prune, TYPING_SHOWN_MS + 10);
      },
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [room]);

  const notify = () => sharedConnection().typing(room);
  return { typing: typing.map(({ id, username }) => ({ id, username })), notify };
}
