"use client";

// Profile: due-date reminders (how many days before, by email per the notification setting) and
// calendar feeds (personal, or one project's): the secret URL is shown once when made; making it
// again gives a new URL and the old one stops working.
import { useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { Select } from "@/components/ui/select.tsx";
import { toast } from "@/components/ui/toast.tsx";

type Feed = { id: number; project: { slug: string; name: string } | null; createdAt: string; lastUsedAt: string | null };
const DAYS = [-1, 0, 1, 2, 3, 7] as const;

export function CalendarSection({
  initialDays,
  initialFeeds,
  projects,
}: {
  initialDays: number;
  initialFeeds: Feed[];
  projects: { slug: string; name: string }[];
}) {
  const t = useT();
  const [days, setDays] = useState(String(initialDays));
  const [feeds, setFeeds] = useState(initialFeeds);
  const [project, setProject] = useState("");
  const [shown, setShown] = useState<{ id: number; url: string } | null>(null);

  async function saveDays(next: string) {
    setDays(next);
    const res = await api("PATCH", "/me/notification-preferences", { dueReminderDays: Number(next) });
    toast(res.ok ? t("common.saved") : res.error.message || t("common.error.generic"), {
      variant: res.ok ? "success" : "error",
    });
  }

  async function make(projectSlug: string | null) {
    const res = await api<Feed & { url: string }>("POST", "/me/calendar-feeds", projectSlug ? { projectSlug } : {});
    if (!res.ok) return toast(res.error.message || t("common.error.generic"), { variant: "error" });
    const { url, ...feed } = res.data;
    setFeeds((list) => [...list.filter((f) => f.id !== feed.id), feed]);
    setShown({ id: feed.id, url });
  }

  async function remove(feed: Feed) {
    const res = await api("DELETE", `/me/calendar-feeds/${feed.id}`);
    if (!res.ok) return toast(res.error.message || t("common.error.generic"), { variant: "error" });
    setFeeds((list) => list.filter((f) => f.id !== feed.id));
  }

  return (
    <div className="flex flex-col gap-5">
      <Field label={t("calendar.reminder")} id="reminder-days" hint={t("calendar.reminderHint")}>
        <Select value={days} onChange={(e) => void saveDays(e.target.value)}>
          {DAYS.map((d) => (
            <option key={d} value={String(d)}>
              {d === -1
                ? t("calendar.reminder.never")
                : d === 0
                  ? t("calendar.reminder.onDay")
                  : t("calendar.reminder.days", { days: d })}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <h3 className="text-sm font-medium">{t("calendar.feeds")}</h3>
        <p className="mt-1 text-xs text-muted">{t("calendar.feedsHint")}</p>
        <ul className="mt-2 divide-y divide-border" data-testid="calendar-feeds">
          {feeds.map((f) => (
            <li key={f.id} className="flex flex-col gap-2 py-2 text-[13px]">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">{f.project ? f.project.name : t("calendar.personal")}</span>
                <span className="flex gap-2">
                  <Button size="sm" onClick={() => void make(f.project?.slug ?? null)}>
                    {t("calendar.regenerate")}
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => void remove(f)}>
                    {t("calendar.remove")}
                  </Button>
                </span>
              </div>
              {shown?.id === f.id ? (
                <Input
                  readOnly
                  value={shown.url}
                  className="font-mono text-xs"
                  aria-label={t("calendar.url")}
                  data-testid="calendar-url"
                  onFocus={(e) => e.currentTarget.select()}
                />
              ) : null}
            </li>
          ))}
        </ul>
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <Select
            value={project}
            onChange={(e) => setProject(e.target.value)}
            aria-label={t("calendar.which")}
            className="max-w-64"
          >
            <option value="">{t("calendar.personal")}</option>
            {projects.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </Select>
          <Button variant="primary" onClick={() => void make(project || null)}>
            {t("calendar.create")}
          </Button>
        </div>
      </div>
    </div>
  );
}
