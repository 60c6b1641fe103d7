// The topic page follows its realtime events: others' replies appear, edits and deletions replace
// the reply in place, pin/lock changes show, a deleted topic says so; events for other topics, and
// an event for a reply the page already has, change nothing.
import { describe, expect, it } from "vitest";
import { applyTopicEvent, type TopicState } from "../../components/topics/topic-state.ts";
import type { ReplyJson } from "../../lib/topics/replies.ts";
import type { TopicJson } from "../../lib/topics/topics.ts";

const user = { id: 1, username: "anna", former: false };
const topic = {
  id: 7,
  projectId: 3,
  title: "Plans",
  body: "b",
  pinned: false,
  locked: false,
  replyCount: 1,
  lastActivityAt: "2026-01-01T00:00:00.000Z",
  createdAt: "2026-01-01T00:00:00.000Z",
  editedAt: null,
  deleted: false,
  user,
} as unknown as TopicJson;
const reply = (id: number, body: string, topicId = 7): ReplyJson =>
  ({ id, topicId, body, createdAt: "2026-01-01T00:00:00.000Z", editedAt: null, deleted: false, user }) as unknown as ReplyJson;

describe("topic page state", () => {
  const start: TopicState = { topic, replies: [reply(1, "first")], gone: false };

  it("adds a reply from an event once, with the server's count", () => {
    const event = {
      type: "reply.created",
      data: { projectId: 3, reply: reply(2, "second"), replyCount: 2, lastActivityAt: "x" },
    };
    const once = applyTopicEvent(start, event);
    expect(once.replies.map((r) => r.id)).toEqual([1, 2]);
    expect(once.topic.replyCount).toBe(2);
    expect(applyTopicEvent(once, event)).toEqual(once);
  });

  it("replaces edited and deleted replies in place", () => {
    const edited = applyTopicEvent(start, { type: "reply.updated", data: { reply: { ...reply(1, "changed"), editedAt: "y" } } });
    expect(edited.replies).toHaveLength(1);
    expect(edited.replies[0].body).toBe("changed");
    const deleted = applyTopicEvent(edited, {
      type: "reply.deleted",
      data: { reply: { ...reply(1, "x"), body: null, deleted: true }, replyCount: 0 },
    });
    expect(deleted.replies[0]).toMatchObject({ deleted: true, body: null });
    expect(deleted.topic.replyCount).toBe(0);
  });

  it("follows pin, lock and deletion of this topic only", () => {
    const pinned = applyTopicEvent(start, { type: "topic.updated", data: { ...topic, pinned: true, locked: true } });
    expect(pinned.topic).toMatchObject({ pinned: true, locked: true });
    expect(applyTopicEvent(start, { type: "topic.updated", data: { ...topic, id: 8, pinned: true } })).toBe(start);
    expect(applyTopicEvent(start, { type: "reply.created", data: { reply: reply(5, "elsewhere", 8), replyCount: 9 } })).toBe(
      start,
    );
    expect(applyTopicEvent(start, { type: "topic.deleted", data: { id: 8, projectId: 3 } }).gone).toBe(false);
    expect(applyTopicEvent(start, { type: "topic.deleted", data: { id: 7, projectId: 3 } }).gone).toBe(true);
    expect(applyTopicEvent(start, { type: "card.moved", data: {} })).toBe(start);
  });
});
