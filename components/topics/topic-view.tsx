"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useDateFormat } from "@/components/card/format.ts";
import { Markdown } from "@/components/card/markdown.tsx";
import { useT } from "@/components/i18n-provider.tsx";
import { LiveStatus } from "@/components/realtime/live-status.tsx";
import { useRealtime } from "@/components/realtime/use-realtime.ts";
import { Avatar } from "@/components/ui/avatar.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Label, Textarea } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { ReplyJson } from "@/lib/topics/replies.ts";
import type { TopicJson } from "@/lib/topics/topics.ts";
import { topicApi } from "./api.ts";
import { applyTopicEvent, mergeReply, type TopicEvent, type TopicState } from "./topic-state.ts";

/** A topic: its markdown body, replies oldest first, a composer, and the admins' pin/lock controls. */
export function TopicView({
  slug,
  me,
  projectId,
  initialTopic,
  initialReplies,
  canWrite,
  canModerate,
}: {
  slug: string;
  me: { id: number };
  projectId: number;
  initialTopic: TopicJson;
  initialReplies: ReplyJson[];
  /** Member or admin of a live project (a lock may still refuse replies). */
  canWrite: boolean;
  canModerate: boolean;
}) {
  const t = useT();
  const date = useDateFormat();
  const router = useRouter();
  const [state, setState] = useState<TopicState>({ topic: initialTopic, replies: initialReplies, gone: false });
  const { topic, replies, gone } = state;
  const setTopic = (next: TopicJson) => setState((s) => ({ ...s, topic: next }));
  const setReplies = (change: (list: ReplyJson[]) => ReplyJson[]) => setState((s) => ({ ...s, replies: change(s.replies) }));
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ id: number; body: string } | null>(null);
  const api = `/api/v1/projects/${slug}/topics/${topic.id}`;
  // Others' replies, edits and the admins' pin/lock arrive live; after a gap the page reloads both.
  const resync = useCallback(async () => {
    try {
      const [fresh, list] = await Promise.all([
        topicApi<{ topic: TopicJson }>(api),
        topicApi<{ replies: ReplyJson[] }>(`${api}/replies?limit=500`),
      ]);
      setState((s) => ({ ...s, topic: fresh.topic, replies: list.replies }));
    } catch {
      // Gone or unreachable: the next event or reconnect tries again.
    }
  }, [api]);
  // A page whose replies do not add up to the server's count (it missed events, or it was mounted
  // again from its first render) reloads them, once per count.
  const healed = useRef<number | null>(null);
  const live = replies.filter((r) => !r.deleted).length;
  useEffect(() => {
    if (topic.replyCount === live || replies.length >= 500 || healed.current === topic.replyCount) return;
    healed.current = topic.replyCount;
    void resync();
  }, [topic.replyCount, live, replies.length, resync]);
  const status = useRealtime({
    room: `project:${projectId}`,
    onEvent: (event: TopicEvent) => setState((s) => applyTopicEvent(s, event)),
    onResync: resync,
  });
  const fail = (e: unknown) => toast(t("topics.failed", { message: (e as Error).message }), { variant: "error" });

  const moderate = async (change: { pinned?: boolean; locked?: boolean }) => {
    try {
      setTopic(await topicApi<TopicJson>(api, { method: "PATCH", body: change }));
    } catch (e) {
      fail(e);
    }
  };
  const post = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!draft.trim()) return;
    setBusy(true);
    try {
      const reply = await topicApi<ReplyJson>(`${api}/replies`, { method: "POST", body: { body: draft } });
      // The realtime event may have brought it already: merged by id, counted once.
      setState((s) =>
        s.replies.some((r) => r.id === reply.id)
          ? s
          : { ...s, topic: { ...s.topic, replyCount: s.topic.replyCount + 1 }, replies: mergeReply(s.replies, reply) },
      );
      setDraft("");
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const saveEdit = async () => {
    if (!editing) return;
    try {
      const reply = await topicApi<ReplyJson>(`${api}/replies/${editing.id}`, { method: "PATCH", body: { body: editing.body } });
      setReplies((list) => list.map((r) => (r.id === reply.id ? reply : r)));
      setEditing(null);
    } catch (e) {
      fail(e);
    }
  };
  const removeReply = async (id: number) => {
    if (!window.confirm(t("topics.confirmDeleteReply"))) return;
    try {
      const reply = await topicApi<ReplyJson>(`${api}/replies/${id}`, { method: "DELETE" });
      setReplies((list) => list.map((r) => (r.id === reply.id ? reply : r)));
    } catch (e) {
      fail(e);
    }
  };
  const removeTopic = async () => {
    if (!window.confirm(t("topics.confirmDelete"))) return;
    try {
      await topicApi(api, { method: "DELETE" });
      router.push(`/${slug}/topics`);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <article className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-5 py-5" data-testid="topic-page">
      <div className="flex items-center gap-2">
        <Link href={`/${slug}/topics`} className="text-[12px] text-muted hover:text-text">
          ← {t("topics.backToList")}
        </Link>
        <LiveStatus status={status} className="ml-auto" />
      </div>
      {gone ? (
        <p
          role="status"
          className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-[13px] text-warning"
          data-testid="topic-gone"
        >
          {t("topics.goneLive")}
        </p>
      ) : null}
      <header className="flex flex-wrap items-start gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="flex flex-wrap items-center gap-2 text-lg font-semibold tracking-tight text-text">
            {topic.title}
            {topic.pinned ? <Badge variant="accent">{t("topics.pinned")}</Badge> : null}
            {topic.locked ? <Badge variant="warning">{t("topics.locked")}</Badge> : null}
          </h1>
          <p className="text-[12px] text-muted">
            {t("topics.by", { name: topic.user.username, date: date(topic.createdAt) })}
            {topic.editedAt ? ` · ${t("topics.edited")}` : ""}
          </p>
        </div>
        <div className="ml-auto flex items-center gap-1.5">
          {canModerate ? (
            <>
              <Button size="sm" variant="secondary" onClick={() => moderate({ pinned: !topic.pinned })} data-testid="topic-pin">
                {topic.pinned ? t("topics.unpin") : t("topics.pin")}
              </Button>
              <Button size="sm" variant="secondary" onClick={() => moderate({ locked: !topic.locked })} data-testid="topic-lock">
                {topic.locked ? t("topics.unlock") : t("topics.lock")}
              </Button>
            </>
          ) : null}
          {canWrite && topic.user.id === me.id ? (
            <Button size="sm" variant="ghost" onClick={removeTopic}>
              {t("topics.delete")}
            </Button>
          ) : null}
        </div>
      </header>
      <div className="rounded-lg border border-border bg-surface p-4 text-[13px] text-text">
        <Markdown source={topic.body ?? ""} />
      </div>

      <section
        aria-label={topic.replyCount === 1 ? t("topics.oneReply") : t("topics.replies", { count: topic.replyCount })}
        className="flex flex-col gap-2"
      >
        <h2 className="text-[13px] font-semibold text-text">
          {topic.replyCount === 1 ? t("topics.oneReply") : t("topics.replies", { count: topic.replyCount })}
        </h2>
        {replies.length === 0 ? <p className="text-[12px] text-muted">{t("topics.noReplies")}</p> : null}
        <ol className="flex flex-col gap-2" data-testid="topic-replies">
          {replies.map((r) => (
            <li
              key={r.id}
              id={`reply-${r.id}`}
              className="flex gap-3 rounded-lg border border-border bg-surface p-3 target:ring-2 target:ring-ring"
            >
              <Avatar username={r.user.username} size="sm" decorative />
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <p className="text-[12px] text-muted">
                  <span className="font-medium text-text">{r.user.username}</span> · {date(r.createdAt)}
                  {r.editedAt && !r.deleted ? ` · ${t("topics.edited")}` : ""}
                </p>
                {r.deleted ? (
                  <p className="text-[12px] italic text-muted">{t("topics.deletedReply")}</p>
                ) : editing?.id === r.id ? (
                  <div className="flex flex-col gap-2">
                    <Textarea
                      aria-label={t("topics.replyLabel")}
                      value={editing.body}
                      rows={4}
                      onChange={(e) => setEditing({ id: r.id, body: e.target.value })}
                    />
                    <div className="flex gap-2">
                      <Button size="sm" variant="primary" onClick={saveEdit}>
                        {t("topics.save")}
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
                        {t("topics.cancel")}
                      </Button>
                    </div>
                  </div>
                ) : (
                  <div className="text-[13px] text-text">
                    <Markdown source={r.body ?? ""} />
                  </div>
                )}
                {canWrite && !r.deleted && r.user.id === me.id && editing?.id !== r.id ? (
                  <div className="flex gap-1">
                    {!topic.locked ? (
                      <Button size="sm" variant="ghost" onClick={() => setEditing({ id: r.id, body: r.body ?? "" })}>
                        {t("topics.edit")}
                      </Button>
                    ) : null}
                    <Button size="sm" variant="ghost" onClick={() => removeReply(r.id)}>
                      {t("topics.delete")}
                    </Button>
                  </div>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      </section>

      {topic.locked ? (
        <div
          role="status"
          className="rounded-lg border border-warning/40 bg-warning-soft px-4 py-3 text-[13px] text-text"
          data-testid="locked-banner"
        >
          {t("topics.lockedBanner")}
        </div>
      ) : null}
      {!canWrite ? <p className="text-[12px] text-muted">{t("topics.readOnly")}</p> : null}
      {canWrite && !topic.locked ? (
        <form onSubmit={post} className="flex flex-col gap-2" data-testid="reply-composer">
          <Label htmlFor="reply-body">{t("topics.replyLabel")}</Label>
          <Textarea
            id="reply-body"
            rows={4}
            value={draft}
            placeholder={t("topics.replyPlaceholder")}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) post(e);
            }}
          />
          <div className="flex justify-end">
            <Button type="submit" size="sm" variant="primary" disabled={busy || !draft.trim()}>
              {t("topics.reply")}
            </Button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
