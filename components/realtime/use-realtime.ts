"use client";
// One Socket.IO connection per page to the realtime sidecar, joined to one room. Events arrive in
// `seq` order; when one is skipped, or after any (re)join, the caller resyncs (refetches) instead of
// guessing what it missed. Tokens are short-lived, so every connection attempt fetches a fresh one.
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { JoinAck, WireEvent } from "../../lib/realtime/events.ts";

export type RealtimeStatus = "connecting" | "live" | "reconnecting";

type Options = {
  room: string;
  onEvent: (event: WireEvent) => void;
  /** Called after every join (the first one too: events may have happened since the page rendered) and on a gap. */
  onResync: () => void;
  /**
   * Further rooms whose events are passed on as they come (e.g. `user:<id>` for "you were removed
   * from this project"): no catch-up for them, a missed one only matters while the page is open.
   */
  extraRooms?: string[];
};

async function fetchToken(): Promise<{ token: string; url: string }> {
  const res = await fetch("/api/realtime/token", { method: "POST", credentials: "same-origin" });
  if (!res.ok) throw new Error(`realtime token: ${res.status}`);
  return res.json();
}

export function useRealtime({ room, onEvent, onResync, extraRooms = [] }: Options): RealtimeStatus {
  const [status, setStatus] = useState<RealtimeStatus>("connecting");
  const handlers = useRef({ onEvent, onResync });
  handlers.current = { onEvent, onResync };
  const extras = extraRooms.join(" ");

  useEffect(() => {
    let socket: Socket | null = null;
    let stopped = false;
    let lastSeq: number | null = null;
    const extraSeq = new Map<string, number>();
    const others = extras ? extras.split(" ") : [];
    let retry: ReturnType<typeof setTimeout> | undefined;

    const start = async (attempt: number) => {
      let first: { token: string; url: string };
      try {
        first = await fetchToken();
      } catch {
        if (stopped) return;
        setStatus("reconnecting");
        retry = setTimeout(() => start(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
        return;
      }
      if (stopped) return;
      let pending: string | null = first.token;
      socket = io(first.url, {
        transports: ["websocket"],
        // Called before every connection attempt: the first uses the token we already have.
        auth: (cb) => {
          if (pending) {
            const token = pending;
            pending = null;
            cb({ token });
            return;
          }
          fetchToken().then(
            ({ token }) => cb({ token }),
            () => cb({ token: "" }),
          );
        },
      });
      socket.on("connect", async () => {
        // The extra rooms first, so that "live" means every room is joined.
        await Promise.all(
          others.map(
            (other) =>
              new Promise<void>((resolve) => {
                socket?.emit("join", { room: other }, (ack: JoinAck) => {
                  if (!stopped && ack?.ok) extraSeq.set(other, ack.seq);
                  resolve();
                });
              }),
          ),
        );
        socket?.emit("join", { room }, (ack: JoinAck) => {
          if (stopped || !ack?.ok) return;
          lastSeq = ack.seq;
          setStatus("live");
          handlers.current.onResync();
        });
      });
      socket.on("disconnect", () => {
        if (!stopped) setStatus("reconnecting");
      });
      socket.on("connect_error", () => {
        if (!stopped) setStatus("reconnecting");
      });
      socket.on("event", (event: WireEvent) => {
        const seen = extraSeq.get(event.room);
        if (seen !== undefined) {
          if (event.seq <= seen) return;
          extraSeq.set(event.room, event.seq);
          handlers.current.onEvent(event);
          return;
        }
        if (event.room !== room || lastSeq === null) return;
        if (event.seq <= lastSeq) return;
        const gap = event.seq > lastSeq + 1;
        lastSeq = event.seq;
        if (gap) handlers.current.onResync();
        else handlers.current.onEvent(event);
      });
    };
    start(0);
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.disconnect();
    };
  }, [room, extras]);

  return status;
}
