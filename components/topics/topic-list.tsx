"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDateFormat } from "@/components/card/format.ts";
import { useT } from "@/components/i18n-provider.tsx";
import { LiveRefresh } from "@/components/realtime/live-refresh.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";
import { Field, Input, Textarea } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { TopicJson } from "@/lib/topics/topics.ts";
import { topicApi } from "./api.ts";

type ListTopic = Omit<TopicJson, "body"> & { excerpt: string };

/** The topics of a project: pinned first, then latest activity; a form to start one. */
export function TopicList({
  project,
  topics,
  page,
  pages,
  canPost,
}: {
  project: { id: number; slug: string; name: string; key: string };
  topics: ListTopic[];
  page: number;
  pages: number;
  canPost: boolean;
}) {
  const t = useT();
  const date = useDateFormat();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const base = `/${project.slug}/topics`;

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const topic = await topicApi<TopicJson>(`/api/v1/projects/${project.slug}/topics`, {
        method: "POST",
        body: { title, body },
      });
      router.push(`${base}/${topic.id}`);
    } catch (err) {
      toast(t("topics.failed", { message: (err as Error).message }), { variant: "error" });
      setBusy(false);
    }
  };

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-5 py-5">
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex flex-col">
          <h1 className="text-[15px] font-semibold tracking-tight text-text">{t("topics.title")}</h1>
          <p className="text-[12px] text-muted">{t("topics.subtitle", { project: project.name })}</p>
        </div>
        <div className="ml-auto flex items-center gap-2">
          <LiveRefresh rooms={[`project:${project.id}`]} eventPrefix={["topic.", "reply."]} />
          <Link href={`/${project.slug}`} className={buttonClasses({ variant: "ghost", size: "sm" })}>
            {t("topics.back")}
          </Link>
          {canPost && !open ? (
            <Button size="sm" variant="primary" onClick={() => setOpen(true)} data-testid="new-topic">
              {t("topics.new")}
            </Button>
          ) : null}
        </div>
      </div>
      {open ? (
        <form
          onSubmit={create}
          className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4"
          data-testid="new-topic-form"
        >
          <Field label={t("topics.newTitle")} id="topic-title">
            <Input id="topic-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} autoFocus />
          </Field>
          <Field label={t("topics.newBody")} id="topic-body">
            <Textarea id="topic-body" rows={6} value={body} onChange={(e) => setBody(e.target.value)} required />
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
              {t("topics.cancel")}
            </Button>
            <Button type="submit" size="sm" variant="primary" disabled={busy || !title.trim() || !body.trim()}>
              {t("topics.create")}
            </Button>
          </div>
        </form>
      ) : null}
      {topics.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border p-6 text-center text-[13px] text-muted">
          {t("topics.empty")}
        </p>
      ) : (
        <ul className="flex flex-col divide-y divide-border rounded-lg border border-border bg-surface" data-testid="topic-list">
          {topics.map((topic) => (
            <li key={topic.id} className="flex flex-col gap-1 px-4 py-3">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`${base}/${topic.id}`} className="text-[14px] font-medium text-text hover:underline">
                  {topic.title}
                </Link>
                {topic.pinned ? <Badge>{t("topics.pinned")}</Badge> : null}
                {topic.locked ? <Badge>{t("topics.locked")}</Badge> : null}
                <span className="ml-auto text-[12px] text-muted">
                  {topic.replyCount === 1 ? t("topics.oneReply") : t("topics.replies", { count: topic.replyCount })}
                </span>
              </div>
              <p className="line-clamp-1 text-[12px] text-muted">{topic.excerpt}</p>
              <p className="text-[11px] text-muted">
                {t("topics.by", { name: topic.user.username, date: date(topic.lastActivityAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav className="flex items-center justify-between text-[12px] text-muted" aria-label={t("topics.page", { page, pages })}>
          {page > 1 ? <Link href={`${base}?page=${page - 1}`}>{t("topics.previous")}</Link> : <span />}
          <span>{t("topics.page", { page, pages })}</span>
          {page < pages ? <Link href={`${base}?page=${page + 1}`}>{t("topics.next")}</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
