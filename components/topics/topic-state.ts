// The topic page's client state and the realtime events that change it (replies added, edited or
// deleted by others, the topic pinned, locked, edited or deleted). Applying an event twice, or an
// event for a reply the page already has from its own request, changes nothing.
import type { ReplyJson } from "../../lib/topics/replies.ts";
import type { TopicJson } from "../../lib/topics/topics.ts";

export type TopicState = { topic: TopicJson; replies: ReplyJson[]; gone: boolean };
export type TopicEvent = { type: string; data: unknown };

/** Adds or replaces a reply (by id), keeping the oldest-first order. */
export function mergeReply(replies: ReplyJson[], reply: ReplyJson): ReplyJson[] {
  if (replies.some((r) => r.id === reply.id)) return replies.map((r) => (r.id === reply.id ? reply : r));
  return [...replies, reply].sort((a, b) => a.id - b.id);
}

export function applyTopicEvent(state: TopicState, event: TopicEvent): TopicState {
  const data = event.data as Record<string, unknown> | null;
  if (!data) return state;
  switch (event.type) {
    case "reply.created":
    case "reply.updated":
    case "reply.deleted": {
      const reply = data.reply as ReplyJson | undefined;
      if (!reply || reply.topicId !== state.topic.id) return state;
      const replyCount = typeof data.replyCount === "number" ? data.replyCount : state.topic.replyCount;
      const lastActivityAt = typeof data.lastActivityAt === "string" ? data.lastActivityAt : state.topic.lastActivityAt;
      return { ...state, topic: { ...state.topic, replyCount, lastActivityAt }, replies: mergeReply(state.replies, reply) };
    }
    case "topic.updated": {
      const topic = data as unknown as TopicJson;
      if (topic.id !== state.topic.id) return state;
      return { ...state, topic: { ...state.topic, ...topic } };
    }
    case "topic.deleted":
      return data.id === state.topic.id ? { ...state, gone: true } : state;
    default:
      return state;
  }
}
