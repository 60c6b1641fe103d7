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
  "timer.updated",
  "time_entry.created",
  "time_entry.updated",
  "time_entry.deleted",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const ZRoom = z
  .string()
  .regex(/^(project|conversation|user):\d+$/, "room must be project:<id>, conversation:<id> or user:<id>");

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
