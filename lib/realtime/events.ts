// The realtime wire contract, shared by the web app, the sidecar and the browser.
// Every change is `event` with `{ room, seq, epoch, type, data }`; `seq` is consecutive per room
// within an `epoch` (the numbering's id: when it changes, the numbers began again and what a client
// holds must be reloaded). `epoch` was added later: clients must accept its absence.
import { z } from "zod";

export const EVENT_TYPES = [
  "card.created",
  "card.updated",
  "card.moved",
  "card.deleted",
  "column.created",
  "column.updated",
  "column.moved",
  "column.deleted",
  "column.cards_archived",
  "comment.created",
  "comment.updated",
  "comment.deleted",
  "checklist.updated",
  "references.updated",
  "label.created",
  "label.updated",
  "label.deleted",
  "project.updated",
  "project.access_removed",
  "chat.message",
  "dm.message",
  "topic.created",
  "topic.updated",
  "reply.created",
  "card.planned",
  "sprint.created",
  "sprint.updated",
  "sprint.deleted",
  "sprint.started",
  "sprint.completed",
  "project.done_columns_updated",
  "timer.updated",
  "time_entry.created",
  "time_entry.updated",
  "time_entry.deleted",
  "chat.updated",
  "dm.updated",
  "conversation.updated",
  "notification.created",
  "notification.read",
  "topic.deleted",
  "reply.updated",
  "reply.deleted",
  "attachment.created",
  "attachment.deleted",
  "board.imported",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const ZRoom = z
  .string()
  .regex(
    /^(project|conversation|user|customer):\d+$/,
    "room must be project:<id>, conversation:<id>, user:<id> or customer:<id>",
  );

/** What the web app hands to the sidecar after a transaction committed. */
export const ZPublishedEvent = z.object({
  room: ZRoom,
  type: z.enum(EVENT_TYPES),
  data: z.unknown(),
});
export type PublishedEvent = z.infer<typeof ZPublishedEvent>;
/**
 * `lost: true`: the web app could not deliver some events (its queue overflowed while the sidecar
 * was away, or it restarted after a crash): the sidecar starts a new epoch, and every client reloads.
 */
export const ZPublishBody = z
  .object({ events: z.array(ZPublishedEvent).max(1000), lost: z.boolean().optional() })
  .refine((b) => b.events.length > 0 || b.lost === true, { message: "events must not be empty", path: ["events"] });

/** What a socket receives. `epoch` is missing only from sidecars older than it. */
export type WireEvent = PublishedEvent & { seq: number; epoch?: string };

export type JoinAck = { ok: true; seq: number; epoch?: string } | { ok: false; error: { code: string; message?: string } };

/** `sync` `{ room, since, epoch? }` answers this: the missed events, or `reset` (reload). */
export type SyncAck =
  | { ok: true; events: WireEvent[]; epoch?: string }
  | { ok: true; reset: true; seq: number; epoch?: string }
  | { ok: false; error?: { code: string; message?: string } };

/** `resync` `{ epoch }`: events were lost for every room; reload everything, then follow `epoch`. */
export type ResyncMessage = { epoch: string };
/** `shutdown` `{ reconnect: true }`: this sidecar is stopping; connect again (to it or another). */
export type ShutdownMessage = { reconnect: boolean };

export const projectRoom = (projectId: number) => `project:${projectId}`;
export const conversationRoom = (conversationId: number) => `conversation:${conversationId}`;
export const userRoom = (userId: number) => `user:${userId}`;
/** A customer's time entries (its page and reports follow it): readable with access to the customer. */
export const customerRoom = (customerId: number) => `customer:${customerId}`;

/**
 * Presence (not part of the `event` stream, no seq): a socket that sent `presence` `{ room, state }`
 * for a room it joined is listed, per user, in the `presence` `{ room, users }` message the sidecar
 * sends to the room whenever the list changes. `state: null` withdraws it; leaving or disconnecting
 * (a closed tab) removes it at once.
 */
export const ZPresenceState = z
  .object({
    /** The card (key) this tab has open. */
    card: z
      .string()
      .regex(/^[A-Z0-9]{1,10}-\d{1,9}$/)
      .nullable()
      .optional(),
    /** A field of that card is being edited. */
    editing: z.boolean().optional(),
  })
  .strict();
export type PresenceState = z.infer<typeof ZPresenceState>;
export const ZPresencePayload = z.object({ room: ZRoom, state: ZPresenceState.nullable() });
export type PresenceUser = { id: number; username: string; card: string | null; editing: boolean };
export type PresenceMessage = { room: string; users: PresenceUser[] };
/** `typing` `{ room }` from a client; `typing` `{ room, user }` to the room's other sockets. */
export type TypingMessage = { room: string; user: { id: number; username: string } };
