// The realtime wire contract, shared by the web app, the sidecar and the browser.
// Every change is `event` with `{ room, seq, type, data }`; `seq` is consecutive per room.
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
  "presence.joined",
  "presence.left",
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
export const ZPublishBody = z.object({ events: z.array(ZPublishedEvent).min(1).max(1000) });

/** What a socket receives. */
export type WireEvent = PublishedEvent & { seq: number };

export type JoinAck = { ok: true; seq: number } | { ok: false; error: { code: string; message?: string } };

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
