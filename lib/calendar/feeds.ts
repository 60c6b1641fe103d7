// iCal feeds (RFC 5545, written with ical.js): a personal feed (cards assigned to me with a due
// date, sprints of my projects) and one per project (its cards with due dates and its sprints),
// each at a secret URL. Only the token's SHA-256 is stored; creating a feed again replaces its token
// (the old URL stops working). A feed answers what its owner may read now: access is checked at
// every fetch, so a removed member's project feed goes empty (404). Due dates and sprints are
// all-day events (VALUE=DATE, DTEND the day after), which calendars show on the same day in every
// time zone; UIDs are stable (`card-<id>@<host>`), DTSTAMP is the fetch time in UTC, SEQUENCE the
// card's version, and X-WR-TIMEZONE the owner's zone.
import { createHash, randomBytes } from "node:crypto";
import ICAL from "ical.js";
import { z } from "zod";
import { readableProjectIds, requireProject } from "../auth/access.ts";
import { type Actor, actorForUser, requireBrowser } from "../auth/actor.ts";
import { getConfig } from "../config.ts";
import { getDb } from "../db/client.ts";
import { notFound, parseInput } from "../errors.ts";
import { addDays, isoOf } from "../time/dates.ts";

export const ZCreateFeed = z.object({ projectSlug: z.string().trim().min(1).max(191).optional() }).strict();

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const feedUrl = (origin: string, token: string) => `${getConfig().appUrl ?? origin}/api/calendar/${token}.ics`;

const SELECT = { id: true, createdAt: true, lastUsedAt: true, project: { select: { slug: true, name: true } } } as const;
type FeedRow = { id: number; createdAt: Date; lastUsedAt: Date | null; project: { slug: string; name: string } | null };
const feedJson = (f: FeedRow) => ({
  id: f.id,
  project: f.project,
  createdAt: f.createdAt.toISOString(),
  lastUsedAt: f.lastUsedAt?.toISOString() ?? null,
});

export async function listFeeds(actor: Actor) {
  const rows = await getDb().calendarFeed.findMany({ where: { userId: actor.userId }, select: SELECT, orderBy: { id: "asc" } });
  return rows.map(feedJson);
}

/** Creates the feed, or replaces its secret: the URL is answered this once. */
export async function createFeed(actor: Actor, input: unknown, origin: string) {
  requireBrowser(actor, "Calendar feeds");
  const data = parseInput(ZCreateFeed, input);
  const projectId = data.projectSlug ? (await requireProject(actor, data.projectSlug)).project.id : null;
  const token = `wdcal_${randomBytes(24).toString("hex")}`;
  const scopeKey = `user:${actor.userId}${projectId ? `/project:${projectId}` : ""}`;
  const row = await getDb().calendarFeed.upsert({
    where: { scopeKey },
    create: { scopeKey, userId: actor.userId, projectId, tokenHash: hashToken(token) },
    update: { tokenHash: hashToken(token), createdAt: new Date(), lastUsedAt: null },
    select: SELECT,
  });
  return { ...feedJson(row), url: feedUrl(origin, token) };
}

export async function deleteFeed(actor: Actor, rawId: string | number) {
  requireBrowser(actor, "Calendar feeds");
  const id = Number(rawId);
  const { count } =
    Number.isInteger(id) && id > 0 && id <= 2_147_483_647
      ? await getDb().calendarFeed.deleteMany({ where: { id, userId: actor.userId } })
      : { count: 0 };
  if (count === 0) throw notFound("Calendar feed not found");
}

function allDay(comp: InstanceType<typeof ICAL.Component>, start: string, endInclusive: string) {
  const s = comp.updatePropertyWithValue("dtstart", ICAL.Time.fromDateString(start));
  s.setParameter("value", "DATE");
  const e = comp.updatePropertyWithValue("dtend", ICAL.Time.fromDateString(addDays(endInclusive, 1)));
  e.setParameter("value", "DATE");
}

/** The feed behind a token as an iCalendar text, or null for an unknown token or a project no longer readable. */
export async function renderFeed(rawToken: string, now = new Date()): Promise<{ body: string; name: string } | null> {
  const token = rawToken.replace(/\.ics$/, "");
  if (!/^wdcal_[0-9a-f]{48}$/.test(token)) return null;
  const db = getDb();
  const feed = await db.calendarFeed.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      projectId: true,
      user: { select: { id: true, username: true, role: true, isActive: true, deletedAt: true, timeZone: true, language: true } },
    },
  });
  if (!feed?.user.isActive || feed.user.deletedAt) return null;
  const actor: Actor = actorForUser(feed.user);
  const readable = await readableProjectIds(actor);
  let projectIds: number[] | "all" = readable;
  if (feed.projectId !== null) {
    if (readable !== "all" && !readable.includes(feed.projectId)) return null;
    projectIds = [feed.projectId];
  }
  const projectWhere = { deletedAt: null, ...(projectIds === "all" ? {} : { id: { in: projectIds } }) };
  const [cards, sprints, project] = await Promise.all([
    db.card.findMany({
      where: {
        deletedAt: null,
        dueDate: { not: null },
        project: projectWhere,
        ...(feed.projectId === null ? { assignees: { some: { userId: feed.user.id } } } : {}),
      },
      select: {
        id: true,
        number: true,
        title: true,
        dueDate: true,
        version: true,
        updatedAt: true,
        project: { select: { slug: true, key: true, name: true } },
      },
      orderBy: { id: "asc" },
      take: 5000,
    }),
    db.sprint.findMany({
      where: {
        startDate: { not: null },
        endDate: { not: null },
        status: { in: ["planned", "active"] },
        project: {
          ...projectWhere,
          ...(feed.projectId === null ? { members: { some: { userId: feed.user.id } } } : {}),
        },
      },
      select: {
        id: true,
        name: true,
        goal: true,
        startDate: true,
        endDate: true,
        updatedAt: true,
        project: { select: { slug: true, name: true } },
      },
      orderBy: { id: "asc" },
      take: 1000,
    }),
    feed.projectId !== null ? db.project.findUnique({ where: { id: feed.projectId }, select: { name: true } }) : null,
  ]);
  const origin = getConfig().appUrl ?? "";
  const host = origin ? new URL(origin).host : "warmdesk";
  const name = project ? `${project.name} · WarmDesk` : `WarmDesk · ${feed.user.username}`;
  const cal = new ICAL.Component(["vcalendar", [], []]);
  cal.updatePropertyWithValue("prodid", "-//WarmDesk//Calendar feed//EN");
  cal.updatePropertyWithValue("version", "2.0");
  cal.updatePropertyWithValue("calscale", "GREGORIAN");
  cal.updatePropertyWithValue("method", "PUBLISH");
  cal.updatePropertyWithValue("x-wr-calname", name);
  cal.updatePropertyWithValue("x-wr-timezone", feed.user.timeZone);
  cal.updatePropertyWithValue("refresh-interval", ICAL.Duration.fromString("PT1H")).setParameter("value", "DURATION");
  cal.updatePropertyWithValue("x-published-ttl", "PT1H");
  const stamp = ICAL.Time.fromJSDate(new Date(Math.floor(now.getTime() / 1000) * 1000), true);
  for (const c of cards) {
    const ev = new ICAL.Component("vevent");
    const key = `${c.project.key}-${c.number}`;
    ev.updatePropertyWithValue("uid", `card-${c.id}@${host}`);
    ev.updatePropertyWithValue("dtstamp", stamp);
    ev.updatePropertyWithValue("last-modified", ICAL.Time.fromJSDate(c.updatedAt, true));
    ev.updatePropertyWithValue("sequence", c.version);
    ev.updatePropertyWithValue("summary", `${key} ${c.title}`);
    ev.updatePropertyWithValue("description", `${c.project.name}`);
    if (origin) ev.updatePropertyWithValue("url", `${origin}/${c.project.slug}/cards/${key}`);
    ev.updatePropertyWithValue("transp", "TRANSPARENT");
    const due = isoOf(c.dueDate as Date);
    allDay(ev, due, due);
    cal.addSubcomponent(ev);
  }
  for (const s of sprints) {
    const ev = new ICAL.Component("vevent");
    ev.updatePropertyWithValue("uid", `sprint-${s.id}@${host}`);
    ev.updatePropertyWithValue("dtstamp", stamp);
    ev.updatePropertyWithValue("last-modified", ICAL.Time.fromJSDate(s.updatedAt, true));
    ev.updatePropertyWithValue("summary", `${s.project.name}: ${s.name}`);
    if (s.goal) ev.updatePropertyWithValue("description", s.goal);
    if (origin) ev.updatePropertyWithValue("url", `${origin}/${s.project.slug}/backlog`);
    ev.updatePropertyWithValue("transp", "TRANSPARENT");
    allDay(ev, isoOf(s.startDate as Date), isoOf(s.endDate as Date));
    cal.addSubcomponent(ev);
  }
  await db.calendarFeed.update({ where: { id: feed.id }, data: { lastUsedAt: now } });
  // RFC 5545 lines end in CRLF.
  return { body: `${cal.toString().replace(/\r?\n/g, "\r\n")}\r\n`, name };
}
