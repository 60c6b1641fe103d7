"use client";
// The messages page: the user's conversations (most recent first, unread counts, live), starting a
// DM or a group, and the open conversation.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { useRealtime } from "@/components/realtime/use-realtime.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { Channel } from "./channel.tsx";

type Conversation = {
  id: number;
  name: string | null;
  isGroup: boolean;
  members: { id: number; username: string }[];
  lastMessage: { body: string | null; deleted: boolean } | null;
  unread: number;
};
type ProjectUnread = { projectId: number; slug: string; unread: number };

const titleOf = (c: Conversation, meId: number) =>
  c.name ??
  c.members
    .filter((m) => m.id !== meId)
    .map((m) => m.username)
    .join(", ");

export function MessagesView({ meId, openId }: { meId: number; openId: number | null }) {
  const t = useT();
  const router = useRouter();
  const [list, setList] = useState<Conversation[]>([]);
  const [projects, setProjects] = useState<ProjectUnread[]>([]);
  const [creating, setCreating] = useState(openId === null);
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ id: number; username: string }[]>([]);
  const [picked, setPicked] = useState<{ id: number; username: string }[]>([]);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    fetch("/api/v1/conversations")
      .then((r) => (r.ok ? r.json() : []))
      .then(setList)
      .catch(() => {});
    fetch("/api/v1/me/unread")
      .then((r) => (r.ok ? r.json() : null))
      .then((u) => u && setProjects(u.projects))
      .catch(() => {});
  }, []);
  useEffect(() => {
    refresh();
    // The open conversation moved its read marker: its unread count is gone.
    window.addEventListener("warmdesk:unread", refresh);
    return () => window.removeEventListener("warmdesk:unread", refresh);
  }, [refresh]);

  useRealtime({
    room: `user:${meId}`,
    onResync: refresh,
    onEvent: (e) => {
      if (e.type === "dm.message" || e.type === "conversation.updated") refresh();
    },
  });

  useEffect(() => {
    if (!creating) return;
    const handle = setTimeout(() => {
      fetch(`/api/v1/conversations/users?q=${encodeURIComponent(query)}`)
        .then((r) => (r.ok ? r.json() : []))
        .then(setFound)
        .catch(() => {});
    }, 150);
    return () => clearTimeout(handle);
  }, [query, creating]);

  const start = async () => {
    setError(null);
    const res = await fetch("/api/v1/conversations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        userIds: picked.map((p) => p.id),
        ...(picked.length > 1 && name.trim() ? { name: name.trim() } : {}),
      }),
    });
    const json = await res.json();
    if (!res.ok) return setError(json.error?.message ?? "Error");
    setPicked([]);
    setName("");
    setCreating(false);
    refresh();
    router.push(`/chat/${json.id}`);
  };

  const open = list.find((c) => c.id === openId) ?? null;

  const leave = async (c: Conversation) => {
    if (!window.confirm(t("chat.messages.leaveConfirm"))) return;
    await fetch(`/api/v1/conversations/${c.id}/leave`, { method: "POST" });
    router.push("/chat");
    refresh();
  };

  return (
    // Phones: the list or the open conversation, one at a time (a back link returns to the list).
    <div className="flex h-[calc(100dvh-3rem)] min-h-0 flex-col md:flex-row">
      <aside
        className={cn(
          "min-h-0 w-full shrink-0 flex-col border-border md:flex md:w-72 md:border-r",
          openId !== null ? "hidden" : "flex max-md:flex-1",
        )}
        aria-label={t("chat.messages.list")}
      >
        <div className="flex items-center justify-between px-3 py-2">
          <h1 className="text-sm font-semibold">{t("chat.messages.title")}</h1>
          <Button
            size="sm"
            variant="secondary"
            onClick={() => {
              // Opens the form (never closes it: the first click of someone new must not hide it).
              setCreating(true);
              requestAnimationFrame(() => document.getElementById("conv-search")?.focus());
            }}
            aria-expanded={creating}
            aria-controls="conv-form"
          >
            {t("chat.messages.new")}
          </Button>
        </div>
        <nav className="min-h-0 flex-1 overflow-y-auto" aria-label={t("chat.messages.list")}>
          {list.length === 0 ? <p className="px-3 py-2 text-xs text-muted">{t("chat.messages.none")}</p> : null}
          <ul>
            {list.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/chat/${c.id}`}
                  aria-current={c.id === openId ? "page" : undefined}
                  className={cn(
                    "flex min-h-11 items-center gap-2 px-3 py-2 text-sm hover:bg-surface-2",
                    c.id === openId && "bg-surface-2",
                  )}
                  data-testid="conversation-link"
                >
                  <span className="min-w-0 flex-1">
                    <span className={cn("block truncate", c.unread > 0 && "font-semibold")}>{titleOf(c, meId)}</span>
                    <span className="block truncate text-xs text-muted">
                      {c.lastMessage
                        ? c.lastMessage.deleted
                          ? t("chat.deleted")
                          : c.lastMessage.body
                        : t("chat.messages.noMessages")}
                    </span>
                  </span>
                  {c.unread > 0 ? (
                    <Badge variant="accent" data-testid="conversation-unread">
                      <span aria-hidden="true">{c.unread}</span>
                      <span className="sr-only">{t("chat.messages.unread", { count: c.unread })}</span>
                    </Badge>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
          {projects.length ? (
            <>
              <h2 className="px-3 pt-4 pb-1 text-xs font-semibold uppercase text-muted">{t("chat.messages.projects")}</h2>
              <ul>
                {projects.map((p) => (
                  <li key={p.projectId}>
                    <Link
                      href={`/${p.slug}/chat`}
                      className="flex min-h-11 items-center gap-2 px-3 py-1.5 text-sm hover:bg-surface-2 md:min-h-0"
                    >
                      <span className="flex-1 truncate"># {p.slug}</span>
                      {p.unread > 0 ? <Badge variant="accent">{p.unread}</Badge> : null}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </nav>
      </aside>
      <section
        className={cn("min-h-0 min-w-0 flex-1 flex-col md:flex", openId === null && !creating ? "hidden" : "flex")}
        aria-label={open ? titleOf(open, meId) : t("chat.messages.new")}
      >
        {creating ? (
          <form
            id="conv-form"
            aria-labelledby="conv-form-title"
            className="flex flex-col gap-2 border-b border-border p-4"
            onSubmit={(e) => {
              e.preventDefault();
              void start();
            }}
          >
            <h2 id="conv-form-title" className="text-sm font-semibold">
              {t("chat.messages.new")}
            </h2>
            <label className="text-xs text-muted" htmlFor="conv-search">
              {t("chat.messages.search")}
            </label>
            <input
              id="conv-search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              className="h-9 rounded-md border border-border bg-surface px-3 text-sm"
              data-testid="conversation-search"
            />
            <fieldset className="flex flex-wrap gap-2">
              <legend className="sr-only">{t("chat.messages.users")}</legend>
              {found.map((u) => (
                <label key={u.id} className="flex items-center gap-1 rounded-md border border-border px-2 py-1 text-sm">
                  <input
                    type="checkbox"
                    checked={picked.some((p) => p.id === u.id)}
                    onChange={(e) => setPicked((list) => (e.target.checked ? [...list, u] : list.filter((p) => p.id !== u.id)))}
                  />
                  {u.username}
                </label>
              ))}
            </fieldset>
            <p className="text-xs text-muted">{t("chat.messages.usersHint")}</p>
            {picked.length > 1 ? (
              <>
                <label className="text-xs text-muted" htmlFor="conv-name">
                  {t("chat.messages.groupName")}
                </label>
                <input
                  id="conv-name"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  className="h-11 rounded-md border border-border bg-surface px-3 text-sm sm:h-9"
                />
              </>
            ) : null}
            <div className="flex gap-2">
              <Button type="submit" disabled={picked.length === 0} data-testid="conversation-start">
                {t(picked.length > 1 ? "chat.messages.startGroup" : "chat.messages.start")}
              </Button>
              {openId !== null ? (
                <Button type="button" variant="ghost" onClick={() => setCreating(false)}>
                  {t("common.cancel")}
                </Button>
              ) : null}
            </div>
            {error ? (
              <p role="alert" className="text-xs text-danger">
                {error}
              </p>
            ) : null}
          </form>
        ) : null}
        {openId !== null ? (
          <>
            <div className="flex items-center gap-2 border-b border-border px-4 py-2">
              <Link
                href="/chat"
                className="-ml-2 flex min-h-11 min-w-11 items-center justify-center rounded-md text-accent md:hidden"
                aria-label={t("chat.messages.back")}
              >
                <span aria-hidden="true">←</span>
              </Link>
              <h2 className="truncate text-sm font-semibold">{open ? titleOf(open, meId) : ""}</h2>
              {open?.isGroup ? (
                <Button size="sm" variant="ghost" className="ml-auto" onClick={() => void leave(open)}>
                  {t("chat.messages.leave")}
                </Button>
              ) : null}
            </div>
            <Channel
              key={openId}
              room={`conversation:${openId}`}
              api={`/api/v1/conversations/${openId}/messages`}
              readApi={`/api/v1/conversations/${openId}/read`}
              events={{ message: "dm.message", updated: "dm.updated" }}
              meId={meId}
              label={open ? titleOf(open, meId) : t("chat.log")}
              canPost
            />
          </>
        ) : !creating ? (
          <p className="p-8 text-center text-sm text-muted">{t("chat.messages.pick")}</p>
        ) : null}
      </section>
    </div>
  );
}
