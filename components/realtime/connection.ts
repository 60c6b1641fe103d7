// One Socket.IO connection per browser tab, shared by every component that follows a room (the
// board and a card dialog over it, the notification bell, a chat). No React here, so that tests
// drive it against a real sidecar.
//
// Catch-up: every room remembers the last `seq` it applied and the `epoch` of that numbering. A
// skipped number, or a reconnect after a network drop or a sleep, asks the sidecar for what was
// missed (`sync`); when its buffer no longer reaches back that far, or the numbering is another
// epoch (the sidecar restarted, or events were lost), the subscribers reload (`onResync`).
// A new subscriber always reloads once its room is joined: what it rendered may predate the join.
//
// It never gives up: whatever went wrong (the token could not be fetched because the web app is
// restarting, the sidecar refused the token or could not check it, the sidecar is down, it closed
// the connection, the network dropped), it tries again with a fresh token after a capped
// exponential backoff with jitter, until it is live again. Socket.IO's own reconnection is off: it
// stops for good once the server refuses a handshake.
import { io, type Socket } from "socket.io-client";
import type {
  JoinAck,
  PresenceMessage,
  PresenceState,
  PresenceUser,
  ResyncMessage,
  SyncAck,
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
  /** The numbering `seq` belongs to (null: not known yet, or a sidecar that does not send it). */
  epoch: string | null;
  joined: boolean;
  /** The sidecar refused the room (no access). */
  denied: boolean;
  /** Events that arrived while a sync was running, applied after it. */
  queue: WireEvent[] | null;
  presence: PresenceUser[];
};

export type TokenSource = () => Promise<{ token: string; url: string }>;

export type ConnectionOptions = {
  transports?: ("websocket" | "polling")[];
  /** First retry after a failure (then doubling, with jitter), and the longest wait between tries. */
  retryMinMs?: number;
  retryMaxMs?: number;
};

const TYPING_THROTTLE_MS = 2000;
const IDLE_CLOSE_MS = 5000;
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 5000;

export class RealtimeConnection {
  private socket: Socket | null = null;
  private starting = false;
  /** Failed tries since the connection was last up (the backoff's exponent). */
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The token for the next handshake (fetched just before it). */
  private pendingToken = "";
  private readonly rooms = new Map<string, Room>();
  private readonly statusListeners = new Set<(s: RealtimeStatus) => void>();
  private readonly lastTyping = new Map<string, number>();
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  status: RealtimeStatus = "connecting";

  constructor(
    private readonly getToken: TokenSource,
    private readonly options: ConnectionOptions = {},
  ) {}

  /** Follows a room until the returned function is called. */
  subscribe(room: string, handlers: RoomHandlers): () => void {
    let r = this.rooms.get(room);
    if (!r) {
      r = { name: room, subs: new Set(), seq: null, epoch: null, joined: false, denied: false, queue: null, presence: [] };
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
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.failures = 0;
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

  /** Opens the tab's socket: a token first, then the handshake; any failure tries again later. */
  private async start(): Promise<void> {
    if (this.socket || this.starting || this.rooms.size === 0) return;
    this.starting = true;
    let first: { token: string; url: string };
    try {
      first = await this.getToken();
    } catch {
      this.starting = false;
      this.retryLater(() => void this.start());
      return;
    }
    this.starting = false;
    if (this.socket || this.rooms.size === 0) return;
    this.pendingToken = first.token;
    const socket = io(first.url, {
      transports: this.options.transports ?? ["websocket"],
      autoConnect: false,
      reconnection: false,
      // Give up on an attempt that hangs half-open after 5 s rather than Socket.IO's 20 s.
      timeout: 5000,
      auth: (cb) => cb({ token: this.pendingToken }),
    });
    this.socket = socket;
    socket.on("connect", () => {
      this.failures = 0;
      for (const r of this.rooms.values()) this.join(r);
    });
    socket.on("disconnect", (reason) => {
      for (const r of this.rooms.values()) {
        r.joined = false;
        r.presence = [];
        this.dispatchPresence(r);
      }
      if (this.socket !== socket) return;
      this.setStatus("reconnecting");
      // Only this side's own disconnect() is final; a server's (shutting down, a revoked session
      // that may be replaced by a fresh one) is not.
      if (reason !== "io client disconnect") this.reconnectLater(socket);
    });
    // The handshake failed: the sidecar refused the token (`unauthorized`), could not check it
    // (`unavailable`), or could not be reached.
    socket.on("connect_error", () => {
      if (this.socket !== socket) return;
      this.setStatus("reconnecting");
      this.reconnectLater(socket);
    });
    // The sidecar is stopping (a restart, a deploy): the disconnect that follows reconnects.
    socket.on("shutdown", () => {
      if (this.socket === socket) this.setStatus("reconnecting");
    });
    // Events were lost for every room (the web app could not deliver them): reload everything.
    socket.on("resync", ({ epoch }: ResyncMessage) => {
      if (this.socket !== socket) return;
      for (const r of this.rooms.values()) {
        if (!r.joined || r.seq === null) continue;
        r.epoch = epoch;
        for (const s of r.subs) s.needsResync = true;
        this.settleAll(r);
      }
    });
    this.attach(socket);
    socket.connect();
  }

  /** Waits out the backoff (longer after every failure, with jitter), then runs `next`. */
  private retryLater(next: () => void) {
    if (this.retryTimer !== undefined || this.rooms.size === 0) return;
    this.setStatus("reconnecting");
    const min = this.options.retryMinMs ?? RETRY_MIN_MS;
    const max = this.options.retryMaxMs ?? RETRY_MAX_MS;
    const ceiling = Math.min(max, min * 2 ** this.failures);
    this.failures++;
    // Half fixed, half random: clients cut off together do not all come back in the same instant.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      next();
    }, delay);
  }

  private reconnectLater(socket: Socket) {
    this.retryLater(() => this.reconnectNow(socket));
  }

  /** A fresh token (the last one may have expired, or been refused), then the handshake. */
  private reconnectNow(socket: Socket) {
    if (this.socket !== socket || socket.connected) return;
    this.getToken().then(
      ({ token }) => {
        if (this.socket !== socket || socket.connected) return;
        this.pendingToken = token;
        socket.connect();
      },
      () => this.reconnectLater(socket),
    );
  }

  private attach(socket: Socket) {
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
      // A sidecar that sends no epoch (older than it) is judged by its numbers alone.
      const otherEpoch = ack.epoch !== undefined && ack.epoch !== r.epoch;
      if (previous === null || otherEpoch || ack.seq < previous) {
        // First join, or the numbering began again (the sidecar restarted, or events were lost):
        // what this room holds cannot be caught up by seq; reload.
        r.seq = ack.seq;
        r.epoch = ack.epoch ?? null;
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
    if (event.epoch !== undefined && event.epoch !== r.epoch) {
      // A new numbering while connected (Redis lost its numbers, or events were lost): reload.
      r.epoch = event.epoch;
      r.seq = event.seq;
      for (const s of r.subs) s.needsResync = true;
      this.settleAll(r);
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
    const epoch = r.epoch ?? undefined;
    socket.emit("sync", { room: r.name, since: r.seq, ...(epoch ? { epoch } : {}) }, (ack: SyncAck) => {
      if (this.rooms.get(r.name) !== r) return;
      const queued = r.queue ?? [];
      r.queue = null;
      const otherEpoch = ack?.ok && ack.epoch !== undefined && ack.epoch !== r.epoch;
      if (!ack?.ok || "reset" in ack || otherEpoch) {
        if (ack?.ok && ack.epoch !== undefined) r.epoch = ack.epoch;
        r.seq =
          ack?.ok && "reset" in ack
            ? ack.seq
            : Math.max(
                r.seq ?? 0,
                ...queued.map((e) => e.seq),
                ...(ack?.ok && "events" in ack ? ack.events.map((e) => e.seq) : []),
              );
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
  // A request that hangs (a web app stuck mid-restart) must fail, so that the next try comes.
  const res = await fetch("/api/realtime/token", {
    method: "POST",
    credentials: "same-origin",
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`realtime token: ${res.status}`);
  return res.json();
}

/** The tab's connection (created on first use, in the browser only). */
export function sharedConnection(): RealtimeConnection {
  shared ??= new RealtimeConnection(fetchToken);
  return shared;
}
