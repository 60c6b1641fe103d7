// Due-date reminders and iCal feeds on every engine. Reminders: before the due date by each
// assignee's lead time in their own time zone, and once overdue; never for done cards, never twice
// (concurrent runs), an email per the user's setting over real SMTP. Feeds: parsed back with ical.js
// (stable UIDs, DTSTAMP, all-day dates), secret URLs stored hashed, regenerating retires the old URL,
// access checked at every fetch.
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as feedGet } from "../../app/api/calendar/[token]/route.ts";
import { PATCH as prefsPatch } from "../../app/api/v1/me/notification-preferences/route.ts";
import { createCard, updateCard } from "../../lib/boards/cards.ts";
import { addMember, removeMember } from "../../lib/boards/members.ts";
import { createProject } from "../../lib/boards/projects.ts";
import { createFeed } from "../../lib/calendar/feeds.ts";
import { getDb } from "../../lib/db/client.ts";
import { flushNotificationEmails, setNotificationPreferences } from "../../lib/notifications/notify.ts";
import { localDate, sendDueReminders } from "../../lib/notifications/reminders.ts";
import { createSprint } from "../../lib/scrum/sprints.ts";
import { updateSettings } from "../../lib/settings/settings.ts";
import { call, freshWorld, type Person, person } from "../api/helpers.ts";
import { availableEngines } from "../helpers/db.ts";

function startInbox() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
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

const fetchFeed = async (url: string) => {
  const token = url.split("/").at(-1) as string;
  return feedGet(new Request(url), { params: Promise.resolve({ token }) });
};

describe.each(availableEngines())("[CALENDAR] reminders and feeds on %s", (engine) => {
  let world: Awaited<ReturnType<typeof freshWorld>>;
  let inbox: ReturnType<typeof startInbox>;
  let root: Person;
  let anna: Person; // Europe/Berlin, 1 day before, immediate email
  let kai: Person; // Pacific/Auckland (UTC+13 in December), on the day, email off
  let project: { id: number; slug: string };

  beforeAll(async () => {
    world = await freshWorld(engine);
    inbox = startInbox();
    const port = await inbox.listen();
    root = await person("root", { admin: true });
    anna = await person("anna");
    kai = await person("kai");
    await updateSettings(
      { ...root.actor, sessionId: 1 },
      { smtp_host: "127.0.0.1", smtp_port: port, smtp_from: "Desk <desk@acme.test>", smtp_tls: "none" },
    );
    await setNotificationPreferences({ ...anna.actor, sessionId: 1 }, { timeZone: "Europe/Berlin", dueReminderDays: 1 });
    await setNotificationPreferences(
      { ...kai.actor, sessionId: 1 },
      { timeZone: "Pacific/Auckland", dueReminderDays: 0, email: "off" },
    );
    project = await createProject(anna.actor, { name: "Alpha", key: "ALP", type: "scrum" });
    await addMember(anna.actor, project.slug, { username: "kai", role: "member" });
  });
  afterAll(async () => {
    await inbox?.close();
    await world?.close();
  });

  it("validates the reminder preferences", async () => {
    const bad = await call(prefsPatch, {
      method: "PATCH",
      key: anna.key,
      body: { timeZone: "Mars/Olympus", dueReminderDays: 5 },
    });
    expect(bad.status).toBe(403); // an API key may not change preferences
    await expect(setNotificationPreferences({ ...anna.actor, sessionId: 1 }, { timeZone: "Mars/Olympus" })).rejects.toMatchObject(
      {
        code: "validation",
      },
    );
    expect(localDate(new Date("2026-12-07T11:30:00Z"), "Pacific/Auckland")).toBe("2026-12-08");
  });

  it("reminds each assignee in their own time zone, once overdue, never twice, never for done cards", async () => {
    const card = await createCard(anna.actor, project.slug, {
      title: "Ship the release",
      dueDate: "2026-12-09",
      assignees: ["anna", "kai"],
    });
    const doneCard = await createCard(anna.actor, project.slug, {
      title: "Already done",
      dueDate: "2026-12-08",
      assignees: ["anna"],
    });
    const columns = await getDb().column.findMany({ where: { projectId: project.id }, orderBy: { position: "desc" }, take: 1 });
    await getDb().card.update({ where: { id: doneCard.id }, data: { columnId: columns[0].id } });
    // 2026-12-07 22:30 UTC: 23:30 on the 7th in Berlin (two days before: too early for anna);
    // 11:30 on the 8th in Auckland (a day before; kai wants his on the day).
    expect(await sendDueReminders(new Date("2026-12-07T22:30:00Z"))).toEqual([]);
    // 2026-12-07 23:30 UTC: the 8th in Berlin (a day before: anna); the 8th in Auckland (not the day yet).
    const first = await sendDueReminders(new Date("2026-12-07T23:30:00Z"));
    expect(first.map((r) => [r.userId, r.kind])).toEqual([[anna.id, "before"]]);
    // The 9th in Auckland (UTC+13) from 11:00 UTC on the 8th: kai's reminder on the day; twice at once sends it once.
    const runs = await Promise.all([
      sendDueReminders(new Date("2026-12-08T11:30:00Z")),
      sendDueReminders(new Date("2026-12-08T11:30:00Z")),
    ]);
    expect(runs.flat().map((r) => [r.userId, r.kind])).toEqual([[kai.id, "before"]]);
    // Overdue: the 10th in Berlin.
    const overdue = await sendDueReminders(new Date("2026-12-09T23:30:00Z"));
    expect(overdue.map((r) => [r.userId, r.kind]).sort()).toEqual(
      [
        [anna.id, "overdue"],
        [kai.id, "overdue"],
      ].sort(),
    );
    expect(await sendDueReminders(new Date("2026-12-10T12:00:00Z"))).toEqual([]);
    await flushNotificationEmails();
    // Email per the user's setting: anna (immediate) twice, kai (off) never.
    expect(inbox.received.filter((m) => m.to[0].startsWith("anna-"))).toHaveLength(2);
    expect(inbox.received.filter((m) => m.to[0].startsWith("kai-"))).toHaveLength(0);
    const titles = await getDb().notification.findMany({ where: { type: "reminder", userId: anna.id }, orderBy: { id: "asc" } });
    expect(titles.map((n) => n.title)).toEqual([`${card.key} is due on Dec 9, 2026`, `${card.key} is overdue (due Dec 9, 2026)`]);
    // A new due date earns new reminders.
    await updateCard(anna.actor, project.slug, card.key, { dueDate: "2026-12-20" });
    // 12:00 UTC on the 19th: the 19th in Berlin (a day before), already the 20th in Auckland (the day).
    expect((await sendDueReminders(new Date("2026-12-19T12:00:00Z"))).map((r) => r.userId)).toEqual([anna.id, kai.id]);
  });

  it("serves personal and project feeds that ical.js parses, at secret URLs stored hashed", async () => {
    await createSprint(anna.actor, project.slug, {
      name: "Sprint 1",
      startDate: "2026-12-14",
      endDate: "2026-12-25",
      goal: "Release",
    });
    const personal = await createFeed({ ...kai.actor, sessionId: 1 }, {}, "https://desk.example");
    expect(personal.url).toMatch(/^https:\/\/desk\.example\/api\/calendar\/wdcal_[0-9a-f]{48}\.ics$/);
    const token = (personal.url.split("/").at(-1) as string).replace(/\.ics$/, "");
    const stored = await getDb().calendarFeed.findUniqueOrThrow({ where: { id: personal.id } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);

    const res = await fetchFeed(personal.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await res.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    expect(cal.getFirstPropertyValue("x-wr-timezone")).toBe("Pacific/Auckland");
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual(["ALP-1 Ship the release", "Alpha: Sprint 1"]);
    const due = events.find((e) => e.summary.startsWith("ALP-1")) as InstanceType<typeof ICAL.Event>;
    expect(due.startDate.isDate).toBe(true);
    expect(due.startDate.toString()).toBe("2026-12-20");
    expect(due.endDate.toString()).toBe("2026-12-21");
    expect(due.uid).toMatch(/^card-\d+@/);
    expect(due.component.getFirstPropertyValue("dtstamp")).toBeTruthy();
    const sprint = events.find((e) => e.summary.startsWith("Alpha")) as InstanceType<typeof ICAL.Event>;
    expect([sprint.startDate.toString(), sprint.endDate.toString()]).toEqual(["2026-12-14", "2026-12-26"]);
    // The UID is the same on the next fetch.
    const again = new ICAL.Component(ICAL.parse(await (await fetchFeed(personal.url)).text()));
    expect(
      again
        .getAllSubcomponents("vevent")
        .map((v) => new ICAL.Event(v).uid)
        .sort(),
    ).toEqual(events.map((e) => e.uid).sort());

    // Regenerating retires the old URL.
    const renewed = await createFeed({ ...kai.actor, sessionId: 1 }, {}, "https://desk.example");
    expect(renewed.id).toBe(personal.id);
    expect((await fetchFeed(personal.url)).status).toBe(404);
    expect((await fetchFeed(renewed.url)).status).toBe(200);
    expect((await fetchFeed("https://desk.example/api/calendar/wdcal_nope.ics")).status).toBe(404);

    // A project feed answers only while its owner can read the project.
    const projectFeed = await createFeed({ ...kai.actor, sessionId: 1 }, { projectSlug: project.slug }, "https://desk.example");
    expect((await fetchFeed(projectFeed.url)).status).toBe(200);
    await removeMember(anna.actor, project.slug, "kai");
    expect((await fetchFeed(projectFeed.url)).status).toBe(404);
    const emptied = new ICAL.Component(ICAL.parse(await (await fetchFeed(renewed.url)).text()));
    expect(emptied.getAllSubcomponents("vevent")).toHaveLength(0);
  });
});
