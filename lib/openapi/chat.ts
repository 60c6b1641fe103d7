// Project chat, direct and group conversations, notifications and their preferences in the OpenAPI document.

import { ZMarkRead, ZMessageBody, ZPostMessage } from "../chat/shared.ts";
import { ZCreateConversation } from "../conversations/conversations.ts";
import { ZNotificationPreferences } from "../notifications/notify.ts";
import { body, errors, type Json, ok, pathParam, read, schema, write } from "./helpers.ts";

const slug = pathParam("slug");
const messageId = pathParam("id", "Message id");
const conversationId = pathParam("id", "Conversation id");
const query = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string" },
});
const page = [
  query("before", "Message id: the page of messages just older than it (paging upwards)"),
  query("after", "Message id: the messages newer than it, oldest first (catching up)"),
  query("limit", "1–200, default 50"),
];
const action = errors(401, 404);

export function chatSchemas(): Json {
  return {
    PostMessage: schema(ZPostMessage),
    EditMessage: schema(ZMessageBody),
    MarkRead: schema(ZMarkRead),
    CreateConversation: schema(ZCreateConversation),
    NotificationPreferences: schema(ZNotificationPreferences),
  };
}

export function chatPaths(): Json {
  return {
    "/api/v1/projects/{slug}/messages": {
      get: {
        parameters: [slug, ...page],
        summary: "The project's chat messages, newest last (ordered by id; deleted ones keep their place with body null)",
        responses: { ...ok(200, "Chat messages"), ...errors(400, 401, 404) },
      },
      post: {
        parameters: [slug],
        summary: "Post to the project chat (members); `@username` notifies that user, `KEY-42` links the card",
        requestBody: body("PostMessage"),
        responses: { ...ok(201, "The message"), ...write },
      },
    },
    "/api/v1/projects/{slug}/messages/{id}": {
      patch: {
        parameters: [slug, messageId],
        summary: "Edit your own chat message",
        requestBody: body("EditMessage"),
        responses: { ...ok(200, "The message"), ...write },
      },
      delete: {
        parameters: [slug, messageId],
        summary: "Delete your own chat message (soft: shown as deleted)",
        responses: { ...ok(200, "The message, deleted"), ...errors(401, 403, 404) },
      },
    },
    "/api/v1/projects/{slug}/messages/read": {
      get: {
        parameters: [slug],
        summary: "Your read marker and unread count",
        responses: { ...ok(200, "{ lastReadMessageId, unread }"), ...read },
      },
      post: {
        parameters: [slug],
        summary: "Move your read marker (default: to the newest message); kept across devices",
        requestBody: body("MarkRead"),
        responses: { ...ok(200, "{ lastReadMessageId, unread }"), ...errors(400, 401, 404) },
      },
    },
    "/api/v1/conversations": {
      get: {
        summary: "Your conversations, most recently active first, with unread counts",
        responses: { ...ok(200, "Conversations"), ...errors(401) },
      },
      post: {
        summary: "Start a DM (one user; the existing one is returned, 200) or a group (several users or a name, 201)",
        requestBody: body("CreateConversation"),
        responses: { ...ok(201, "The conversation"), ...ok(200, "The existing DM"), ...errors(400, 401, 403) },
      },
    },
    "/api/v1/conversations/users": {
      get: {
        parameters: [query("q", "Username prefix")],
        summary: "Active users to start a conversation with",
        responses: { ...ok(200, "[{ id, username }]"), ...errors(400, 401) },
      },
    },
    "/api/v1/conversations/{id}": {
      get: {
        parameters: [conversationId],
        summary: "A conversation you are a member of",
        responses: { ...ok(200, "The conversation"), ...read },
      },
    },
    "/api/v1/conversations/{id}/messages": {
      get: {
        parameters: [conversationId, ...page],
        summary: "Messages of a conversation, newest last (members only; others 404)",
        responses: { ...ok(200, "Messages"), ...errors(400, 401, 404) },
      },
      post: {
        parameters: [conversationId],
        summary: "Post to a conversation (members)",
        requestBody: body("PostMessage"),
        responses: { ...ok(201, "The message"), ...write },
      },
    },
    "/api/v1/conversations/{id}/messages/{messageId}": {
      patch: {
        parameters: [conversationId, pathParam("messageId")],
        summary: "Edit your own message",
        requestBody: body("EditMessage"),
        responses: { ...ok(200, "The message"), ...write },
      },
      delete: {
        parameters: [conversationId, pathParam("messageId")],
        summary: "Delete your own message (soft)",
        responses: { ...ok(200, "The message, deleted"), ...errors(401, 403, 404) },
      },
    },
    "/api/v1/conversations/{id}/leave": {
      post: {
        parameters: [conversationId],
        summary: "Leave a group conversation",
        responses: { ...ok(200, "{ left: true }"), ...errors(400, 401, 404) },
      },
    },
    "/api/v1/conversations/{id}/read": {
      post: {
        parameters: [conversationId],
        summary: "Move your read marker in a conversation",
        requestBody: body("MarkRead"),
        responses: { ...ok(200, "{ lastReadMessageId, unread }"), ...errors(400, 401, 404) },
      },
    },
    "/api/v1/notifications": {
      get: {
        parameters: [
          query("before", "Notification id (paging)"),
          query("limit", "1–100, default 30"),
          query("unread", "true: unread only"),
        ],
        summary: "Your notifications, newest first, with the unread count",
        responses: { ...ok(200, "{ notifications, unread }"), ...errors(400, 401) },
      },
    },
    "/api/v1/notifications/{id}/read": {
      post: {
        parameters: [pathParam("id")],
        summary: "Mark a notification read",
        responses: { ...ok(200, "The notification"), ...action },
      },
    },
    "/api/v1/notifications/read-all": {
      post: { summary: "Mark all your notifications read", responses: { ...ok(200, "{ updated }"), ...errors(401) } },
    },
    "/api/v1/me/notification-preferences": {
      get: { summary: "Your email preference for notifications", responses: { ...ok(200, "{ email }"), ...errors(401) } },
      patch: {
        summary: "Set the email preference: immediate, digest (daily) or off (signed-in browser only)",
        requestBody: body("NotificationPreferences"),
        responses: { ...ok(200, "{ email }"), ...errors(400, 401, 403, 415) },
      },
    },
    "/api/v1/me/work": {
      get: {
        parameters: [
          query(
            "groupBy",
            "due (default: overdue, today, this week, later, no date) or project (projects with overdue cards first)",
          ),
          query("done", "true: cards in done columns too (default false)"),
        ],
        summary: "My work: every card assigned to you across your projects, your running timer, your unread mentions",
        description:
          "Cards in readable, live projects, soonest due first (at most 1000; `truncated` says when there were more). " +
          "Each card is the card JSON plus `project`, `column` and its due `bucket`, judged in your time zone (`today`). " +
          "A key limited to one project answers 403.",
        responses: {
          ...ok(
            200,
            "{ groupBy, today, total, overdue, truncated, groups: [{ key, bucket?, project?, cards }], timer, now, mentions: { unread, latest } }",
          ),
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/v1/me/unread": {
      get: {
        summary: "Unread counts: per project chat, per conversation, and notifications",
        responses: { ...ok(200, "{ projects, conversations, directUnread, notifications }"), ...errors(401) },
      },
    },
  };
}
