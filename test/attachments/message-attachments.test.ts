// Files on project chat and conversation messages, through their REST routes on every engine: the
// author attaches them after posting; message lists carry them; readers of the channel fetch them,
// everyone else gets 404; a message of another channel is not found; deleting the message takes
// its files with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as attachmentGet } from "../../app/api/v1/attachments/[id]/route.ts";
import { POST as dmUpload } from "../../app/api/v1/conversations/[id]/messages/[messageId]/attachments/route.ts";
import { POST as chatUpload } from "../../app/api/v1/projects/[slug]/messages/[id]/attachments/route.ts";
import { addMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { deleteChatMessage, listChatMessages, postChatMessage } from "../../lib/chat/chat.ts";
import {
  leaveConversation,
  listConversationMessages,
  postConversationMessage,
  startConversation,
} from "../../lib/conversations/conversations.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

describe.each(availableEngines())("message attachments on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let author: Person;
  let colleague: Person;
  let viewer: Person;
  let outsider: Person;
  let admin: Person;
  const slug = "talk";

  const form = (name: string, text: string) => {
    const body = new FormData();
    body.append("file", new Blob([text], { type: "image/png" }), name);
    return body;
  };
  const toChat = async (who: Person, messageId: number | string, name = "notes.txt") => {
    const path = `/api/v1/projects/${slug}/messages/${messageId}/attachments`;
    const req = new Request(`http://localhost:3000${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${who.key}` },
      body: form(name, `contents of ${name}`),
    });
    const res = await chatUpload(req, { params: Promise.resolve({ slug, id: String(messageId) }) });
    // biome-ignore lint/suspicious/noExplicitAny: inspected field by field
    return { status: res.status, json: (await res.json()) as any };
  };
  const toDm = async (who: Person, conversationId: number, messageId: number) => {
    const path = `/api/v1/conversations/${conversationId}/messages/${messageId}/attachments`;
    const req = new Request(`http://localhost:3000${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${who.key}` },
      body: form("plan.txt", "the plan"),
    });
    const res = await dmUpload(req, { params: Promise.resolve({ id: String(conversationId), messageId: String(messageId) }) });
    // biome-ignore lint/suspicious/noExplicitAny: inspected field by field
    return { status: res.status, json: (await res.json()) as any };
  };
  const fetchStatus = async (who: Person, id: number) =>
    (await call(attachmentGet, { key: who.key, params: { id: String(id) } })).status;

  beforeAll(async () => {
    world = await freshWorld(engine);
    author = await person("author");
    colleague = await person("colleague");
    viewer = await person("viewer");
    outsider = await person("outsider");
    admin = await person("sysadmin", { admin: true });
    await createProject(author.actor, { name: "Talk", key: "TLK", slug });
    await addMember(author.actor, slug, { username: "colleague", role: "member" });
    await addMember(author.actor, slug, { username: "viewer", role: "viewer" });
  });
  afterAll(async () => world?.close());

  it("lets the author attach files to a chat message that its readers see and fetch", async () => {
    const message = await postChatMessage(author.actor, slug, { body: "See the notes" });
    const res = await toChat(author, message.id);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({
      originalName: "notes.txt",
      mimeType: "text/plain",
      ownerType: "chat_message",
      ownerId: message.id,
    });
    await world.flush();
    expect(world.events.some((e) => e.type === "attachment.created" && (e.data as { id: number }).id === res.json.id)).toBe(true);

    const listed = await listChatMessages(viewer.actor, slug);
    expect(listed.find((m) => m.id === message.id)?.attachments.map((a) => a.id)).toEqual([res.json.id]);
    expect(await fetchStatus(viewer, res.json.id)).toBe(200);
    expect(await fetchStatus(outsider, res.json.id)).toBe(404);

    // Only the author adds files; outsiders do not even find the message; nor does another channel.
    expect((await toChat(colleague, message.id)).status).toBe(403);
    expect((await toChat(viewer, message.id)).status).toBe(403);
    expect((await toChat(outsider, message.id)).status).toBe(404);
    expect((await toChat(author, 999_999)).status).toBe(404);
    expect((await toChat(author, "nope")).status).toBe(404);

    // Deleting the message takes its files along.
    await deleteChatMessage(author.actor, slug, message.id);
    expect(await fetchStatus(viewer, res.json.id)).toBe(404);
    expect((await listChatMessages(viewer.actor, slug)).find((m) => m.id === message.id)?.attachments).toEqual([]);
  });

  it("keeps a conversation's files to its current members, not even system admins", async () => {
    const { conversation: dm } = await startConversation(author.actor, { userIds: [colleague.id, viewer.id], name: "Plans" });
    const message = await postConversationMessage(author.actor, dm.id, { body: "The plan" });
    const res = await toDm(author, dm.id, message.id);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect((await listConversationMessages(colleague.actor, dm.id)).at(-1)?.attachments.map((a) => a.id)).toEqual([res.json.id]);
    expect(await fetchStatus(colleague, res.json.id)).toBe(200);
    expect(await fetchStatus(outsider, res.json.id)).toBe(404);
    expect(await fetchStatus(admin, res.json.id)).toBe(404);
    expect((await toDm(colleague, dm.id, message.id)).status).toBe(403);
    expect((await toDm(outsider, dm.id, message.id)).status).toBe(404);

    // The message is not found through another conversation's route.
    const { conversation: other } = await startConversation(author.actor, { userIds: [outsider.id] });
    expect((await toDm(author, other.id, message.id)).status).toBe(404);

    // A member who left no longer reads the files.
    await leaveConversation(viewer.actor, dm.id);
    expect(await fetchStatus(viewer, res.json.id)).toBe(404);
  });
});
