// One Socket.IO connection per browser tab, shared by every component that follows a room (the
// board and a card dialog over it, the notification bell, a chat). No React here, so that tests
// drive it against a real sidecar.
//
// Catch-up: every room remembers the last `seq` it applied. A skipped number, or a reconnect after
// a network drop or a sleep, asks the sidecar for what was missed (`sync`); when its buffer no
// longer reaches back that far (or the sidecar restarted), the subscribers reload (`onResync`).
// A new subscriber always reloads once its room is joined: what it rendered may predate the join.
import { io, type Socket } from "socket.io-client";
import type {
  JoinAck,
  PresenceMessage,
  PresenceState,
  PresenceUser,
  TypingMessage,
  WireEvent,
} from "../../lib/realtime/events.ts";

export type RealtimeStatus = "connecting" | "live" | "reconnecting";

export type RoomHandlers = {
  onEvent?: (event: WireEvent) => void;
  /** The room's data may be stale: reload it. */
  onResync?: () => void;
  /** Who else follows the room and announced themselves (see `setPresence`). */
  onPresence?: (users: PresenceUser[]) => void;
  onTyping?: (user: { id: number; username: string }) => void;
  /** The room was refused or taken away (access removed). */
  onDenied?: () => void;
};

type Subscription = { handlers: RoomHandlers; presence: PresenceState | null; needsResync: boolean };

type Room = {
  name: string;
  subs: Set<Subscription>;
  /** Last seq applied; null until the first join answered. */
  seq: number | null;
  joined: boolean;
  /** The sidecar refused the room (no access). */
  denied: boolean;
  /** Events that arrived while a sync was running, applied after it. */
  queue: WireEvent[] | null;
  presence: PresenceUser[];
};

export type TokenSource = () => Promise<{ token: string; url: string }>;

type SyncAck = { ok: true; events: WireEvent[] } | { ok: true; reset: true; seq: number } | { ok: false };

const TYPING_THROTTLE_MS = 2000;
const IDLE_CLOSE_MS = 5000;

export class RealtimeConnection {
  private socket: Socket | null = null;
  private starting = false;
  private readonly rooms = new Map<string, Room>();
  private readonly statusListeners = new Set<(s: RealtimeStatus) => void>();
  private readonly lastTyping = new Map<string, number>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  status: RealtimeStatus = "connecting";

  constructor(
    private readonly getToken: TokenSource,
    private readonly options: { transports?: ("websocket" | "polling")[] } = {},
  ) {}

  /** Follows a room until the returned function is called. */
  subscribe(room: string, handlers: RoomHandlers): () => void {
    let r = this.rooms.get(room);
    if (!r) {
      r = { name: room, subs: new Set(), seq: null, joined: false, denied: false, queue: null, presence: [] };
      this.rooms.set(room, r);
    }
    clearTimeout(this.idleTimer);
    const sub: Subscription = { handlers, presence: null, needsResync: true };
    r.subs.add(sub);
    if (this.socket?.connected) {
      if (r.joined) this.settle(r, sub);
      else this.join(r);
    } else {
      void this.start();
    }
    return () => {
      const current = this.rooms.get(room);
      if (!current) return;
      current.subs.delete(sub);
      if (sub.presence) this.sendPresence(current);
      if (current.subs.size > 0) return;
      this.rooms.delete(room);
      this.socket?.emit("leave", { room });
      // A client navigation unmounts one page before the next subscribes: keep the socket a while.
      if (this.rooms.size === 0) this.idleTimer = setTimeout(() => this.rooms.size === 0 && this.stop(), IDLE_CLOSE_MS);
    };
  }

  /**
   * Announces this tab in the room (shown to others as presence), e.g. `{}` on a board,
   * `{ card: "PRJ-4", editing: true }` while a card's field is being edited. `null` withdraws it.
   */
  setPresence(room: string, handlers: RoomHandlers, state: PresenceState | null): void {
    const r = this.rooms.get(room);
    const sub = r && [...r.subs].find((s) => s.handlers === handlers);
    if (!r || !sub) return;
    sub.presence = state;
    this.sendPresence(r);
  }

  /** Tells the room's other members that this user is typing (at most every two seconds). */
  typing(room: string): void {
    const now = Date.now();
    if (now - (this.lastTyping.get(room) ?? 0) < TYPING_THROTTLE_MS) return;
    this.lastTyping.set(room, now);
    if (this.rooms.get(room)?.joined) this.socket?.volatile.emit("typing", { room });
  }

  onStatus(listener: (s: RealtimeStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  presenceOf(room: string): PresenceUser[] {
    return this.rooms.get(room)?.presence ?? [];
  }

  /** Closes the socket (tests; a page that no longer follows anything). */
  stop(): void {
    clearTimeout(this.idleTimer);
    this.socket?.disconnect();
    this.socket = null;
    for (const r of this.rooms.values()) r.joined = false;
    this.setStatus("connecting");
  }

  private setStatus(next: RealtimeStatus) {
    if (this.status === next) return;
    this.status = next;
    for (const l of this.statusListeners) l(next);
  }

  private async start(attempt = 0): Promise<void> {
    if (this.socket || this.starting || this.rooms.size === 0) return;
    this.starting = true;
    let first: { token: string; url: string };
    try {
      first = await this.getToken();
    } catch {
      this.starting = false;
      if (this.rooms.size === 0) return;
      this.setStatus("reconnecting");
      setTimeout(() => void this.start(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
      return;
    }
    this.starting = false;
    if (this.socket || this.rooms.size === 0) return;
    let pending: string | null = first.token;
    const socket = io(first.url, {
      transports: this.options.transports ?? ["websocket"],
      // After a network drop or a laptop's sleep: try again soon (at most every 3 s, with jitter),
      // and give up on an attempt that hangs half-open after 5 s rather than Socket.IO's 20 s.
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
      timeout: 5000,
      // Called before every connection attempt: the first uses the token fetched above.
      auth: (cb) => {
        if (pending) {
          const token = pending;
          pending = null;
          cb({ token });
          return;
        }
        this.getToken().then(
          ({ token }) => cb({ token }),
          () => cb({ token: "" }),
        );
      },
    });
    this.socket = socket;
    socket.on("connect", () => {
      for (const r of this.rooms.values()) this.join(r);
    });
    socket.on("disconnect", () => {
      for (const r of this.rooms.values()) {
        r.joined = false;
        r.presence = [];
        this.dispatchPresence(r);
      }
      if (this.socket === socket) this.setStatus("reconnecting");
    });
    socket.on("connect_error", () => {
      if (this.socket === socket) this.setStatus("reconnecting");
    });
    socket.on("event", (event: WireEvent) => this.receive(event));
    socket.on("presence", (message: PresenceMessage) => {
      const r = this.rooms.get(message.room);
      if (!r) return;
      r.presence = message.users;
      this.dispatchPresence(r);
    });
    socket.on("typing", (message: TypingMessage) => {
      const r = this.rooms.get(message.room);
      if (r) for (const s of r.subs) s.handlers.onTyping?.(message.user);
    });
    socket.on("left", ({ room }: { room: string }) => {
      const r = this.rooms.get(room);
      if (!r) return;
      r.joined = false;
      r.denied = true;
      r.seq = null;
      for (const s of r.subs) s.handlers.onDenied?.();
      this.updateStatus();
    });
  }

  private join(r: Room) {
    const socket = this.socket;
    if (!socket) return;
    socket.emit("join", { room: r.name }, (ack: JoinAck) => {
      if (this.rooms.get(r.name) !== r || this.socket !== socket) return;
      if (!ack?.ok && ack?.error?.code === "unavailable") {
        // The sidecar could not check access just now (database busy or down): ask again shortly.
        setTimeout(() => this.rooms.get(r.name) === r && this.socket === socket && this.join(r), 2000);
        return;
      }
      if (!ack?.ok) {
        r.denied = true;
        for (const s of r.subs) s.handlers.onDenied?.();
        this.updateStatus();
        return;
      }
      r.joined = true;
      r.denied = false;
      this.sendPresence(r, false);
      const previous = r.seq;
      if (previous === null || ack.seq < previous) {
        // First join, or the sidecar's numbers began again (it restarted): reload.
        r.seq = ack.seq;
        for (const s of r.subs) s.needsResync = true;
        this.settleAll(r);
      } else if (ack.seq === previous) {
        this.settleAll(r);
      } else {
        this.catchUp(r);
      }
      this.updateStatus();
    });
  }

  /** Live once every followed room is joined (or was refused: nothing more will come for it). */
  private updateStatus() {
    if (!this.socket?.connected) return;
    if ([...this.rooms.values()].every((x) => x.joined || x.denied)) this.setStatus("live");
    // Listeners that look at one room (roomStatus) hear about every join.
    for (const l of this.statusListeners) l(this.status);
  }

  /** The status as one room sees it: live only once that room is joined. */
  roomStatus(room: string): RealtimeStatus {
    if (this.status !== "live") return this.status;
    const r = this.rooms.get(room);
    return r && (r.joined || r.denied) ? "live" : "connecting";
  }

  /** New subscribers reload once; everyone else is already up to date. */
  private settleAll(r: Room) {
    for (const s of r.subs) this.settle(r, s);
  }

  private settle(r: Room, s: Subscription) {
    if (!s.needsResync) return;
    s.needsResync = false;
    s.handlers.onResync?.();
    if (r.presence.length > 0) s.handlers.onPresence?.(r.presence);
  }

  private receive(event: WireEvent) {
    const r = this.rooms.get(event.room);
    if (!r || r.seq === null || !r.joined) return;
    if (r.queue) {
      r.queue.push(event);
      return;
    }
    if (event.seq <= r.seq) return;
    if (event.seq > r.seq + 1) {
      r.queue = [event];
      this.catchUp(r);
      return;
    }
    r.seq = event.seq;
    for (const s of r.subs) s.handlers.onEvent?.(event);
  }

  /** Fetches the events after the room's last seq; reloads when the sidecar no longer has them. */
  private catchUp(r: Room) {
    const socket = this.socket;
    if (!socket || r.seq === null) return;
    r.queue ??= [];
    socket.emit("sync", { room: r.name, since: r.seq }, (ack: SyncAck) => {
      if (this.rooms.get(r.name) !== r) return;
      const queued = r.queue ?? [];
      r.queue = null;
      if (!ack?.ok || "reset" in ack) {
        r.seq = ack?.ok && "reset" in ack ? ack.seq : Math.max(r.seq ?? 0, ...queued.map((e) => e.seq));
        for (const s of r.subs) s.needsResync = true;
        this.settleAll(r);
        return;
      }
      const missed = [...ack.events, ...queued].sort((a, b) => a.seq - b.seq);
      for (const e of missed) {
        if (r.seq === null || e.seq <= r.seq) continue;
        if (e.seq > r.seq + 1) {
          // Still a hole (the buffer was trimmed meanwhile): reload rather than guess.
          r.seq = Math.max(...missed.map((x) => x.seq));
          for (const s of r.subs) s.needsResync = true;
          this.settleAll(r);
          return;
        }
        r.seq = e.seq;
        for (const s of r.subs) s.handlers.onEvent?.(e);
      }
      this.settleAll(r);
    });
  }

  /** The tab's presence in the room: the subscribers' states merged (the latest card wins). */
  private sendPresence(r: Room, evenIfNone = true) {
    if (!r.joined) return;
    let state = null as PresenceState | null;
    for (const s of r.subs) {
      if (!s.presence) continue;
      state = { card: s.presence.card ?? state?.card ?? null, editing: !!(s.presence.editing || state?.editing) };
    }
    if (state || evenIfNone) this.socket?.emit("presence", { room: r.name, state });
  }

  private dispatchPresence(r: Room) {
    for (const s of r.subs) s.handlers.onPresence?.(r.presence);
  }
}

let shared: RealtimeConnection | null = null;

async function fetchToken(): Promise<{ token: string; url: string }> {
  const res = await fetch("/api/realtime/token", { method: "POST", credentials: "same-origin" });
  if (!res.ok) throw new Error(`realtime token: ${res.status}`);
  return res.json();
}

/** The tab's connection (created on first use, in the browser only). */
export function sharedConnection(): RealtimeConnection {
  shared ??= new RealtimeConnection(fetchToken);
  return shared;
}
