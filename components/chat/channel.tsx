"use client";
// One chat channel (a project's chat or a conversation): the message log (newest at the bottom,
// older pages loaded when scrolled to the top, pinned to the bottom unless the reader scrolled up,
// then a "new messages" marker), the composer (Enter sends, Shift+Enter a new line, ArrowUp edits
// one's last message), live updates, typing, and the read marker.
import { type KeyboardEvent, type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Markdown } from "@/components/card/markdown.tsx";
import { useT } from "@/components/i18n-provider.tsx";
import { useRealtime, useTyping } from "@/components/realtime/use-realtime.ts";
import { Button } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import type { WireEvent } from "@/lib/realtime/events.ts";
import {
  ComposerFiles,
  filesOf,
  type MessageAttachment,
  MessageAttachments,
  type PendingFile,
  pending,
  sendFiles,
} from "./message-attachments.tsx";

export type ChannelMessage = {
  id: number;
  body: string | null;
  user: { id: number; username: string; former?: boolean } | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  isBot?: boolean;
  botName?: string | null;
  /** In lists; events about edits leave it out (the files stay). */
  attachments?: MessageAttachment[];
};

type Props = {
  room: string;
  /** `/api/v1/projects/<slug>/messages` or `/api/v1/conversations/<id>/messages`. */
  api: string;
  readApi: string;
  events: { message: string; updated: string };
  meId: number;
  label: string;
  canPost: boolean;
  /** Card keys (`KEY-42`) of this project become links to its cards. */
  project?: { slug: string; key: string };
  /** Where an upload widget will go (attachments). */
  composerExtras?: ReactNode;
};

const PAGE = 50;

async function send(url: string, method: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: body !== undefined ? { "content-type": "application/json" } : undefined,
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(json?.error?.message ?? `HTTP ${res.status}`);
  return json;
}

type AttachmentEvent = MessageAttachment & { ownerType: string; ownerId: number };

/** Adds (or with `remove`, takes away) an attachment of one message. */
function withAttachment(list: ChannelMessage[], a: AttachmentEvent, remove = false): ChannelMessage[] {
  return list.map((m) => {
    if (m.id !== a.ownerId) return m;
    const others = (m.attachments ?? []).filter((x) => x.id !== a.id);
    return { ...m, attachments: remove ? others : [...others, a].sort((x, y) => x.id - y.id) };
  });
}

function merge(list: ChannelMessage[], incoming: ChannelMessage[]): ChannelMessage[] {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of incoming) {
    const before = byId.get(m.id);
    byId.set(m.id, m.attachments === undefined && before ? { ...m, attachments: before.attachments } : m);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export function Channel({ room, api, readApi, events, meId, label, canPost, project, composerExtras }: Props) {
  const t = useT();
  const [messages, setMessages] = useState<ChannelMessage[]>([]);
  const [hasOlder, setHasOlder] = useState(true);
  const [loaded, setLoaded] = useState(false);
  const [unseen, setUnseen] = useState(0);
  const [text, setText] = useState("");
  const [editing, setEditing] = useState<ChannelMessage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [uploading, setUploading] = useState(false);
  // Files of this channel's messages: project chat or a conversation.
  const ownerType = events.message === "dm.message" ? "conv_message" : "chat_message";
  const [preview, setPreview] = useState<{ key: string; title: string; x: number; y: number } | null>(null);
  const logRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const pinned = useRef(true);
  const restore = useRef<number | null>(null);
  const loadingOlder = useRef(false);
  const latest = useRef<ChannelMessage[]>([]);
  latest.current = messages;
  const { typing, notify } = useTyping(room);

  const markRead = useCallback(
    (id: number) => {
      if (document.visibilityState !== "visible") return;
      send(readApi, "POST", { messageId: id })
        .then(() => window.dispatchEvent(new Event("warmdesk:unread")))
        .catch(() => {});
    },
    [readApi],
  );

  useEffect(() => {
    let live = true;
    send(`${api}?limit=${PAGE}`, "GET").then((list: ChannelMessage[]) => {
      if (!live) return;
      setMessages(list);
      setHasOlder(list.length === PAGE);
      setLoaded(true);
      if (list.length) markRead(list[list.length - 1].id);
    });
    return () => {
      live = false;
    };
  }, [api, markRead]);

  const catchUp = useCallback(() => {
    const last = latest.current[latest.current.length - 1];
    send(`${api}?after=${last?.id ?? 0}&limit=200`, "GET")
      .then((list: ChannelMessage[]) => setMessages((m) => merge(m, list)))
      .catch(() => {});
  }, [api]);

  const status = useRealtime({
    room,
    onResync: catchUp,
    onEvent: (e: WireEvent) => {
      if (e.room !== room) return;
      const m = e.data as ChannelMessage;
      if (e.type === events.message) {
        setMessages((list) => merge(list, [m]));
        if (pinned.current) markRead(m.id);
        else if (m.user?.id !== meId) setUnseen((n) => n + 1);
      } else if (e.type === events.updated) {
        setMessages((list) => (list.some((x) => x.id === m.id) ? merge(list, [m]) : list));
      } else if (e.type === "attachment.created" || e.type === "attachment.deleted") {
        const a = e.data as AttachmentEvent;
        if (a.ownerType === ownerType) setMessages((list) => withAttachment(list, a, e.type === "attachment.deleted"));
      }
    },
  });

  // Keeps the view at the bottom while pinned, and in place when an older page was prepended.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after each change of the list.
  useLayoutEffect(() => {
    const el = logRef.current;
    if (!el) return;
    if (restore.current !== null) {
      el.scrollTop = el.scrollHeight - restore.current;
      restore.current = null;
    } else if (pinned.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [messages]);

  const loadOlder = useCallback(async () => {
    const first = latest.current[0];
    if (!first || loadingOlder.current || !hasOlder) return;
    loadingOlder.current = true;
    try {
      const older: ChannelMessage[] = await send(`${api}?before=${first.id}&limit=${PAGE}`, "GET");
      const el = logRef.current;
      if (el) restore.current = el.scrollHeight - el.scrollTop;
      setHasOlder(older.length === PAGE);
      setMessages((m) => merge(m, older));
    } finally {
      loadingOlder.current = false;
    }
  }, [api, hasOlder]);

  // A link to one message (`?m=<id>`, e.g. from the global search): older pages load until it is
  // in the list (at most 20), then it is scrolled to and marked for a moment.
  const [target, setTarget] = useState<number | null>(() =>
    typeof window === "undefined" ? null : Number(new URLSearchParams(window.location.search).get("m")) || null,
  );
  const [flash, setFlash] = useState<number | null>(null);
  const targetPages = useRef(0);
  useEffect(() => {
    if (!loaded || target === null) return;
    const el = document.getElementById(`m-${target}`);
    if (el) {
      pinned.current = false;
      el.scrollIntoView({ block: "center" });
      setFlash(target);
      setTarget(null);
      const timer = setTimeout(() => setFlash(null), 2500);
      return () => clearTimeout(timer);
    }
    const first = messages[0];
    if (first && first.id > target && hasOlder && targetPages.current < 20) {
      targetPages.current += 1;
      void loadOlder();
    } else {
      setTarget(null); // deleted, or not in this channel
    }
  }, [loaded, target, messages, hasOlder, loadOlder]);

  const onScroll = () => {
    const el = logRef.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (atBottom && !pinned.current) {
      setUnseen(0);
      const last = latest.current[latest.current.length - 1];
      if (last) markRead(last.id);
    }
    pinned.current = atBottom;
    if (el.scrollTop < 80) void loadOlder();
  };

  const jumpToNewest = () => {
    const el = logRef.current;
    if (!el) return;
    pinned.current = true;
    el.scrollTop = el.scrollHeight;
    setUnseen(0);
    const last = latest.current[latest.current.length - 1];
    if (last) markRead(last.id);
  };

  const addFiles = (added: File[]) => {
    if (added.length && !editing) setFiles((list) => [...list, ...added.map(pending)]);
  };

  const submit = async () => {
    if (uploading) return;
    // Files alone are sent as a message naming them.
    const body = text.trim() || (editing ? "" : files.map((f) => f.file.name).join(", "));
    if (!body) return;
    setError(null);
    try {
      if (editing) {
        const m = await send(`${api}/${editing.id}`, "PATCH", { body });
        setMessages((list) => merge(list, [m]));
        setEditing(null);
      } else {
        const m: ChannelMessage = await send(api, "POST", { body });
        pinned.current = true;
        setMessages((list) => merge(list, [{ ...m, attachments: [] }]));
        setText("");
        if (files.length) {
          setUploading(true);
          const failures = await sendFiles(
            `${api}/${m.id}/attachments`,
            files,
            (key, loaded) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, loaded } : f))),
            (a) => setMessages((list) => withAttachment(list, { ...a, ownerType, ownerId: m.id })),
          );
          setFiles([]);
          setUploading(false);
          if (failures.length) setError(failures.join("; "));
        }
      }
      setText("");
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const startEdit = (m: ChannelMessage) => {
    setEditing(m);
    setText(m.body ?? "");
    inputRef.current?.focus();
  };

  const remove = async (m: ChannelMessage) => {
    if (!window.confirm(t("chat.deleteConfirm"))) return;
    try {
      const d = await send(`${api}/${m.id}`, "DELETE");
      setMessages((list) => merge(list, [d]));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    } else if (e.key === "ArrowUp" && !text) {
      const mine = [...latest.current].reverse().find((m) => m.user?.id === meId && !m.deleted && !m.isBot);
      if (mine) {
        e.preventDefault();
        startEdit(mine);
      }
    } else if (e.key === "Escape" && editing) {
      setEditing(null);
      setText("");
    }
  };

  const linkCards = (body: string) => {
    if (!project) return body;
    const origin = typeof window === "undefined" ? "" : window.location.origin;
    const re = new RegExp(`(^|[^\\w/-])(${project.key}-\\d{1,9})\\b`, "g");
    return body.replace(re, (_, pre, key) => `${pre}[${key}](${origin}/${project.slug}/cards/${key})`);
  };

  // A hover (or focus) preview of a linked card of this project.
  const onPreview = (target: EventTarget | null) => {
    if (!project || !(target instanceof HTMLAnchorElement)) return;
    const m = new RegExp(`/${project.slug}/cards/(${project.key}-\\d+)$`).exec(target.href);
    if (!m) return;
    const rect = target.getBoundingClientRect();
    const key = m[1];
    send(`/api/v1/projects/${project.slug}/cards/${key}`, "GET")
      .then((card: { title: string }) => setPreview({ key, title: card.title, x: rect.left, y: rect.bottom + 4 }))
      .catch(() => setPreview({ key, title: t("chat.cardNotFound"), x: rect.left, y: rect.bottom + 4 }));
  };

  const others = typing.filter((u) => u.id !== meId);

  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="chat-channel" data-live={status}>
      <div className="relative flex min-h-0 flex-1 flex-col">
        <div
          ref={logRef}
          role="log"
          aria-label={label}
          aria-live="polite"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it.
          tabIndex={0}
          onScroll={onScroll}
          onMouseOver={(e) => onPreview(e.target)}
          onFocus={(e) => onPreview(e.target)}
          onMouseOut={() => setPreview(null)}
          onBlur={() => setPreview(null)}
          className="min-h-0 flex-1 overflow-y-auto px-4 py-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-accent/40"
          data-testid="chat-log"
        >
          {hasOlder && loaded ? (
            <div className="py-2 text-center">
              <Button size="sm" variant="ghost" onClick={() => void loadOlder()}>
                {t("chat.loadOlder")}
              </Button>
            </div>
          ) : null}
          {loaded && messages.length === 0 ? <p className="py-8 text-center text-sm text-muted">{t("chat.empty")}</p> : null}
          <ul className="flex flex-col gap-1">
            {messages.map((m) => {
              const mine = m.user?.id === meId && !m.isBot;
              return (
                <li
                  key={m.id}
                  id={`m-${m.id}`}
                  className={cn(
                    "group rounded-md px-2 py-1.5 hover:bg-surface-2",
                    m.isBot && "border-l-2 border-accent bg-surface-2/60",
                    flash === m.id && "ring-2 ring-accent",
                  )}
                  data-testid="chat-message"
                >
                  <div className="flex items-baseline gap-2 text-xs">
                    <span className="font-semibold text-text">
                      {m.isBot ? m.botName : (m.user?.username ?? t("chat.formerUser"))}
                    </span>
                    {m.isBot ? (
                      <span className="rounded bg-accent/15 px-1 text-[10px] font-semibold uppercase text-accent">
                        {t("chat.bot")}
                      </span>
                    ) : null}
                    <time className="text-muted" dateTime={m.createdAt}>
                      {new Date(m.createdAt).toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" })}
                    </time>
                    {m.editedAt ? <span className="text-muted">{t("chat.edited")}</span> : null}
                    {mine && !m.deleted ? (
                      <span className="ml-auto flex gap-1 opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100">
                        <Button size="sm" variant="ghost" onClick={() => startEdit(m)} aria-label={t("chat.edit")}>
                          {t("chat.edit")}
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => void remove(m)} aria-label={t("chat.delete")}>
                          {t("chat.delete")}
                        </Button>
                      </span>
                    ) : null}
                  </div>
                  {m.deleted ? (
                    <p className="text-sm italic text-muted">{t("chat.deleted")}</p>
                  ) : (
                    <>
                      <Markdown source={linkCards(m.body ?? "")} className="text-sm" />
                      <MessageAttachments files={m.attachments ?? []} />
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
        {unseen > 0 ? (
          <button
            type="button"
            onClick={jumpToNewest}
            className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-accent px-3 py-1 text-xs font-semibold text-accent-fg shadow-md"
            data-testid="chat-new-marker"
          >
            {t("chat.newMessages", { count: unseen })}
          </button>
        ) : null}
        {preview ? (
          <div
            role="tooltip"
            className="fixed z-40 max-w-xs rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-lg"
            style={{ left: preview.x, top: preview.y }}
            data-testid="card-preview"
          >
            <span className="font-mono text-muted">{preview.key}</span> {preview.title}
          </div>
        ) : null}
      </div>
      <div className="border-t border-border px-4 py-2">
        <p className="h-4 text-xs text-muted" aria-live="polite" data-testid="chat-typing">
          {others.length ? t("chat.typing", { names: others.map((u) => u.username).join(", ") }) : ""}
        </p>
        {canPost ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes("Files")) e.preventDefault();
            }}
            onDrop={(e) => {
              if (!e.dataTransfer.files.length) return;
              e.preventDefault();
              addFiles(filesOf(e.dataTransfer.files, t("attachments.pasted")));
            }}
            className="flex flex-wrap items-end gap-2"
            data-testid="chat-form"
          >
            {composerExtras}
            {editing ? null : (
              <ComposerFiles
                files={files}
                busy={uploading}
                onAdd={addFiles}
                onRemove={(key) => setFiles((list) => list.filter((f) => f.key !== key))}
              />
            )}
            <label className="sr-only" htmlFor={`composer-${room}`}>
              {editing ? t("chat.editing") : t("chat.composer")}
            </label>
            <textarea
              id={`composer-${room}`}
              ref={inputRef}
              value={text}
              rows={Math.min(6, Math.max(1, text.split("\n").length))}
              onChange={(e) => {
                setText(e.target.value);
                notify();
              }}
              onKeyDown={onKeyDown}
              onPaste={(e) => {
                const pasted = filesOf(e.clipboardData.files, t("attachments.pasted"));
                if (!pasted.length) return;
                e.preventDefault();
                addFiles(pasted);
              }}
              placeholder={editing ? t("chat.editing") : t("chat.placeholder")}
              className="min-h-9 flex-1 resize-none rounded-md border border-border bg-surface px-3 py-2 text-sm text-text focus:border-accent focus:outline-none"
              data-testid="chat-composer"
            />
            {editing ? (
              <Button
                type="button"
                variant="ghost"
                onClick={() => {
                  setEditing(null);
                  setText("");
                }}
              >
                {t("chat.cancel")}
              </Button>
            ) : null}
            <Button type="submit" disabled={uploading || (!text.trim() && (editing !== null || files.length === 0))}>
              {editing ? t("chat.save") : t("chat.send")}
            </Button>
          </form>
        ) : (
          <p className="text-sm text-muted">{t("chat.readOnly")}</p>
        )}
        {error ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {error}
          </p>
        ) : null}
        <p className="mt-1 text-[11px] text-muted">{t("chat.hint")}</p>
      </div>
    </div>
  );
}
