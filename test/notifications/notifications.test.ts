// Notifications on every engine: a mention of a reader creates one (and, with a real SMTP server on
// loopback, an email in the recipient's language with the instance branding); a mention of a
// non-reader creates none; assignment and comments notify; read, read-all, preferences, digest.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getPrefs, PATCH as patchPrefs } from "../../app/api/v1/me/notification-preferences/route.ts";
import { POST as readOne } from "../../app/api/v1/notifications/[id]/read/route.ts";
import { POST as readAll } from "../../app/api/v1/notifications/read-all/route.ts";
import { GET as listNotifications } from "../../app/api/v1/notifications/route.ts";
import { createCard, updateCard } from "../../lib/boards/cards.ts";
import { addComment } from "../../lib/boards/comments.ts";
import { addMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { postChatMessage } from "../../lib/chat/chat.ts";
import { getDb } from "../../lib/db/client.ts";
import { flushNotificationEmails, sendDigests, setNotificationPreferences } from "../../lib/notifications/notify.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

type Received = { to: string[]; raw: string };
const decodeQp = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));

function startInbox() {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: decodeQp(Buffer.concat(chunks).toString("utf8")),
        });
        cb(null);
      });
    },
  });
  return {
    received,
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return (server.server.address() as AddressInfo).port;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(availableEngines())("notifications on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let inbox: ReturnType<typeof startInbox>;
  let admin: Person;
  let owner: Person;
  let anna: Person;
  let outsider: Person;
  let project: { id: number; slug: string };

  beforeAll(async () => {
    world = await freshWorld(engine);
    inbox = startInbox();
    const port = await inbox.listen();
    admin = await person("root", { admin: true });
    owner = await person("owner");
    anna = await person("anna");
    outsider = await person("outsider");
    await getDb().user.update({ where: { id: anna.id }, data: { language: "de" } });
    project = await createProject(owner.actor, { name: "Alpha", key: "ALP" });
    await addMember(owner.actor, project.slug, { username: "anna", role: "member" });
    await updateSettings(
      { ...admin.actor, sessionId: null },
      {
        smtp_host: "127.0.0.1",
        smtp_port: port,
        smtp_from: "Acme Desk <desk@acme.test>",
        smtp_tls: "none",
        instance_name: "Acme Desk",
        accent_color: "#1f6feb",
      },
    );
  });
  afterAll(async () => {
    await inbox?.close();
    await world?.close();
  });

  const mine = (p: Person, query = "") => call(listNotifications, { key: p.key, path: `/api/v1/notifications${query}` });

  it("a mention of a reader creates a notification and an email in their language, with the branding", async () => {
    await flushNotificationEmails();
    const before = inbox.received.length;
    const m = await postChatMessage(owner.actor, project.slug, { body: "@anna please look at ALP-1, and @outsider too" });
    await flushNotificationEmails();
    const list = await mine(anna);
    expect(list.status).toBe(200);
    expect(list.json.unread).toBe(1);
    expect(list.json.notifications[0]).toMatchObject({
      type: "mention",
      read: false,
      actor: { username: "owner" },
      url: `/${project.slug}/chat?m=${m.id}`,
      title: "owner hat dich im Chat von Alpha erwähnt",
    });
    // The outsider cannot read the project: no notification, no email.
    expect((await mine(outsider)).json.unread).toBe(0);
    const mails = inbox.received.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([expect.stringMatching(/^anna-/)]);
    expect(mails[0].raw).toContain("Acme Desk");
    expect(mails[0].raw).toContain("#1f6feb");
    expect(mails[0].raw).toContain("please look at ALP-1");
    expect(mails[0].raw).toContain(`/${project.slug}/chat?m=${m.id}`);
    expect(await getDb().notification.count({ where: { userId: anna.id, emailedAt: { not: null } } })).toBe(1);
  });

  it("does not notify the author about their own mention", async () => {
    await postChatMessage(owner.actor, project.slug, { body: "note to self @owner" });
    expect((await mine(owner)).json.unread).toBe(0);
  });

  it("notifies on assignment and on comments to the assignee and the creator", async () => {
    const card = await createCard(owner.actor, project.slug, { title: "Fix login", assignees: ["anna"] });
    const assigned = (await mine(anna, "?unread=true")).json.notifications;
    expect(assigned[0]).toMatchObject({ type: "assigned", url: `/${project.slug}/cards/${card.key}`, text: "Fix login" });
    // Re-saving the same assignees is not a new assignment.
    await updateCard(owner.actor, project.slug, card.key, { assignees: ["anna"] });
    expect((await mine(anna)).json.notifications.filter((n: { type: string }) => n.type === "assigned")).toHaveLength(1);
    await addComment(anna.actor, project.slug, card.key, { body: "on it" });
    const ownerList = (await mine(owner)).json.notifications;
    expect(ownerList[0]).toMatchObject({ type: "comment", text: "on it", actor: { username: "anna" } });
    // The commenter is not notified of their own comment.
    expect((await mine(anna)).json.notifications.some((n: { type: string }) => n.type === "comment")).toBe(false);
  });

  it("a mention in a card comment notifies readers it names (once, as a mention), never outsiders", async () => {
    const card = await createCard(anna.actor, project.slug, { title: "Mention me", assignees: ["owner"] });
    const before = (await mine(owner)).json.notifications.length;
    await addComment(anna.actor, project.slug, card.key, { body: "@owner and @outsider, see this" });
    const list = (await mine(owner)).json.notifications;
    expect(list.length).toBe(before + 1);
    expect(list[0]).toMatchObject({
      type: "mention",
      url: `/${project.slug}/cards/${card.key}`,
      title: `anna mentioned you on ${card.key}`,
      actor: { username: "anna" },
    });
    expect((await mine(outsider)).json.notifications.filter((n: { url: string }) => n.url.includes(card.key))).toHaveLength(0);
    // A mention of someone not assigned, not the creator: a mention in their language.
    const other = await createCard(owner.actor, project.slug, { title: "Other" });
    await addComment(owner.actor, project.slug, other.key, { body: "what do you think, @anna?" });
    const annaList = (await mine(anna)).json.notifications;
    expect(annaList[0]).toMatchObject({ type: "mention", title: `owner hat dich in ${other.key} erwähnt` });
  });

  it("marks one read (only one's own: 404 otherwise) and all read", async () => {
    const list = (await mine(anna)).json;
    expect(list.unread).toBeGreaterThan(1);
    const id = String(list.notifications[0].id);
    expect((await call(readOne, { key: outsider.key, params: { id } })).status).toBe(404);
    expect((await call(readOne, { key: anna.key, params: { id: "abc" } })).status).toBe(404);
    const one = await call(readOne, { key: anna.key, params: { id } });
    expect(one.status).toBe(200);
    expect(one.json.read).toBe(true);
    expect((await mine(anna)).json.unread).toBe(list.unread - 1);
    const all = await call(readAll, { key: anna.key });
    expect(all.json.updated).toBe(list.unread - 1);
    expect((await mine(anna)).json.unread).toBe(0);
    expect((await mine(anna, "?limit=0")).status).toBe(400);
  });

  it("keeps the email preference; off sends nothing; digest sends one email with the unread ones", async () => {
    expect((await call(getPrefs, { key: anna.key })).json).toEqual({ email: "immediate", dueReminderDays: 1, timeZone: "UTC" });
    // Account preferences change from a signed-in browser only.
    expect((await call(patchPrefs, { method: "PATCH", key: anna.key, body: { email: "off" } })).status).toBe(403);
    const browser = { ...anna.actor, sessionId: 1 };
    await expect(setNotificationPreferences(browser, { email: "weekly" })).rejects.toThrow(/Invalid input/);
    await setNotificationPreferences(browser, { email: "off" });
    await flushNotificationEmails();
    const before = inbox.received.length;
    await postChatMessage(owner.actor, project.slug, { body: "@anna quiet please" });
    await flushNotificationEmails();
    expect(inbox.received.length).toBe(before);
    expect((await mine(anna)).json.unread).toBe(1);

    await setNotificationPreferences(browser, { email: "digest" });
    await postChatMessage(owner.actor, project.slug, { body: "@anna first for the digest" });
    await postChatMessage(owner.actor, project.slug, { body: "@anna second for the digest" });
    await flushNotificationEmails();
    expect(inbox.received.length).toBe(before);
    expect(await sendDigests()).toEqual({ sent: 1 });
    const digest = inbox.received.slice(before);
    expect(digest).toHaveLength(1);
    expect(digest[0].raw).toContain("neue Benachrichtigungen in Acme Desk");
    expect(digest[0].raw).toContain("first for the digest");
    expect(digest[0].raw).toContain("second for the digest");
    // Already mailed: the next run sends nothing.
    expect(await sendDigests()).toEqual({ sent: 0 });
  });
});
