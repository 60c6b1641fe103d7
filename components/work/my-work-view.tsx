"use client";

// "My work": the cards assigned to the user across projects, grouped by due date or by project,
// with the running timer and the unread mentions. Server-rendered; LiveRefresh re-renders it when
// a followed room changes (cards, timer, notifications).
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import { LiveRefresh } from "@/components/realtime/live-refresh.tsx";
import { PageContainer, PageHeader } from "@/components/shell/page-header.tsx";
import { clock, timerLabel } from "@/components/time/header-timer.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { cn } from "@/components/ui/cn.ts";
import type { MessageKey } from "@/lib/i18n/index.ts";
import type { MyWork, WorkCard } from "@/lib/work/my-work.ts";

function formatDue(iso: string, language: string) {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(language, {
    day: "numeric",
    month: "short",
    ...(y === new Date().getFullYear() ? {} : { year: "numeric" }),
  });
}

const PRIORITY_COLOUR: Record<string, string> = {
  critical: "bg-danger",
  high: "bg-warning",
  medium: "bg-accent/60",
  low: "bg-muted/40",
};

function WorkRow({ card, showProject }: { card: WorkCard; showProject: boolean }) {
  const t = useT();
  const language = useLanguage();
  const overdue = card.bucket === "overdue";
  return (
    <li data-testid="work-card" data-card-key={card.key}>
      <Link
        href={`/${card.project.slug}/cards/${card.key}`}
        className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md px-3 py-2 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-ring"
      >
        <span
          className={cn("size-2 shrink-0 rounded-full", PRIORITY_COLOUR[card.priority] ?? "bg-muted/40")}
          title={t(`board.priority.${card.priority}` as MessageKey)}
          aria-hidden="true"
        />
        <span className="font-mono text-[11px] text-muted tabular-nums">{card.key}</span>
        <span className="min-w-0 flex-1 basis-48 text-[13px] font-medium break-words text-text">{card.title}</span>
        <span className="flex flex-wrap items-center gap-2 text-[11px] text-muted">
          {showProject ? (
            <span className="inline-flex items-center gap-1">
              <span
                className="size-1.5 rounded-full"
                style={{ backgroundColor: card.project.color ?? "var(--color-muted)" }}
                aria-hidden="true"
              />
              {card.project.name}
            </span>
          ) : null}
          <span>{t("work.column", { column: card.column.name })}</span>
          {card.labels.slice(0, 3).map((l) => (
            <span key={l.id} className="inline-flex items-center gap-1 rounded-full border border-border px-1.5">
              <span className="size-1.5 rounded-full" style={{ backgroundColor: l.color }} aria-hidden="true" />
              {l.name}
            </span>
          ))}
          {card.dueDate ? (
            <span className={cn(overdue && "rounded-sm bg-warning-soft px-1 font-medium text-warning")} data-testid="work-due">
              {t("work.due", { date: formatDue(card.dueDate, language) })}
            </span>
          ) : null}
        </span>
      </Link>
    </li>
  );
}

function RunningClock({ startedAt, now }: { startedAt: string; now: string }) {
  const skew = useRef(new Date(now).getTime() - Date.now());
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <span className="font-mono text-lg tabular-nums text-text" data-testid="work-timer-clock">
      {clock((tick + skew.current - new Date(startedAt).getTime()) / 1000)}
    </span>
  );
}

export function MyWorkView({ work, rooms }: { work: MyWork; rooms: [string, ...string[]] }) {
  const t = useT();
  const shown = work.groups.reduce((n, g) => n + g.cards.length, 0);
  const tab = (value: "due" | "project") => (
    <Link
      href={value === "due" ? "/my-work" : "/my-work?groupBy=project"}
      aria-current={work.groupBy === value ? "page" : undefined}
      className={cn(
        "rounded-md px-2.5 py-1 text-[12px] font-medium",
        work.groupBy === value ? "bg-surface text-text shadow-sm" : "text-muted hover:text-text",
      )}
    >
      {t(`work.groupBy.${value}`)}
    </Link>
  );
  return (
    <PageContainer className="max-w-7xl">
      <PageHeader
        title={t("work.title")}
        description={<span data-testid="work-summary">{t("work.summary", { total: work.total, overdue: work.overdue })}</span>}
        actions={
          <>
            <LiveRefresh rooms={rooms} eventPrefix={["card.", "column.", "project.", "label.", "timer.", "notification."]} />
            <nav aria-label={t("work.groupBy")} className="flex items-center gap-0.5 rounded-lg bg-surface-2 p-0.5">
              {tab("due")}
              {tab("project")}
            </nav>
          </>
        }
      />
      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_300px]">
        <div className="flex min-w-0 flex-col gap-5" data-testid="work-groups">
          {work.groups.length === 0 ? (
            <p className="rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted">{t("work.empty")}</p>
          ) : null}
          {work.groups.map((g) => {
            const id = `work-group-${g.key}`;
            const title = g.bucket ? t(`work.bucket.${g.bucket}`) : (g.project?.name ?? "");
            return (
              <section
                key={g.key}
                aria-labelledby={id}
                className="rounded-lg border border-border bg-surface shadow-sm"
                data-testid="work-group"
                data-group={g.key}
              >
                <h2
                  id={id}
                  className={cn(
                    "flex items-center gap-2 border-b border-border px-3 py-2 text-[13px] font-semibold",
                    g.bucket === "overdue" ? "text-warning" : "text-text",
                  )}
                >
                  {g.project ? (
                    <span
                      className="size-2 rounded-full"
                      style={{ backgroundColor: g.project.color ?? "var(--color-muted)" }}
                      aria-hidden="true"
                    />
                  ) : null}
                  {g.project ? <Link href={`/${g.project.slug}`}>{title}</Link> : title}
                  <span className="ml-auto text-[11px] font-normal text-muted">
                    {t("work.cardCount", { count: g.cards.length })}
                  </span>
                </h2>
                <ul className="flex flex-col py-1">
                  {g.cards.map((c) => (
                    <WorkRow key={c.id} card={c} showProject={work.groupBy === "due"} />
                  ))}
                </ul>
              </section>
            );
          })}
          {work.truncated ? <p className="text-[12px] text-muted">{t("work.truncated", { shown, total: work.total })}</p> : null}
        </div>
        <aside className="flex flex-col gap-4">
          <section
            aria-labelledby="work-timer"
            className="rounded-lg border border-border bg-surface p-4 shadow-sm"
            data-testid="work-timer"
          >
            <h2 id="work-timer" className="text-[13px] font-semibold text-text">
              {t("work.timer")}
            </h2>
            {work.timer ? (
              <div className="mt-2 flex flex-col gap-1">
                <RunningClock key={work.timer.startedAt} startedAt={work.timer.startedAt} now={work.now} />
                <p className="text-[12px] text-muted">{timerLabel(work.timer, t("work.timer"))}</p>
                {work.timer.description ? <p className="text-[12px] text-text">{work.timer.description}</p> : null}
              </div>
            ) : (
              <p className="mt-2 text-[12px] text-muted">{t("work.timerNone")}</p>
            )}
            <Link href="/time" className="mt-2 inline-block text-[12px] text-accent hover:underline">
              {t("work.timerOpen")}
            </Link>
          </section>
          <section
            aria-labelledby="work-mentions"
            className="rounded-lg border border-border bg-surface p-4 shadow-sm"
            data-testid="work-mentions"
          >
            <h2 id="work-mentions" className="flex items-center gap-2 text-[13px] font-semibold text-text">
              {t("work.mentions")}
              {work.mentions.unread > 0 ? (
                <span
                  className="rounded-full bg-accent px-1.5 text-[11px] text-white tabular-nums"
                  data-testid="work-mentions-count"
                >
                  {work.mentions.unread}
                </span>
              ) : null}
            </h2>
            {work.mentions.latest.length === 0 ? (
              <p className="mt-2 text-[12px] text-muted">{t("work.mentionsNone")}</p>
            ) : (
              <ul className="mt-2 flex flex-col gap-2">
                {work.mentions.latest.map((m) => (
                  <li key={m.id}>
                    <Link href={m.url} className="flex gap-2 rounded-md p-1 hover:bg-surface-2">
                      {m.actor ? <Avatar username={m.actor.username} size="xs" decorative /> : null}
                      <span className="flex min-w-0 flex-col">
                        <span className="text-[12px] font-medium text-text">{m.title}</span>
                        <span className="truncate text-[11px] text-muted">{m.text}</span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </PageContainer>
  );
}
