"use client";
// The header's notification centre: a bell with the unread count (live from the user's own room),
// the latest notifications, mark read, mark all read, and a click through to the place.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { useRealtime } from "@/components/realtime/use-realtime.ts";
import { Button } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover.tsx";

type Item = { id: number; type: string; title: string; text: string; url: string; read: boolean; createdAt: string };

const BellIcon = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
    <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Z" strokeLinejoin="round" />
    <path d="M10 20.5a2 2 0 0 0 4 0" strokeLinecap="round" />
  </svg>
);

export function NotificationBell({ userId }: { userId: number }) {
  const t = useT();
  const router = useRouter();
  const [items, setItems] = useState<Item[]>([]);
  const [unread, setUnread] = useState(0);

  const refresh = useCallback(() => {
    fetch("/api/v1/notifications?limit=20")
      .then((r) => (r.ok ? r.json() : null))
      .then((j) => {
        if (!j) return;
        setItems(j.notifications);
        setUnread(j.unread);
      })
      .catch(() => {});
  }, []);
  useEffect(refresh, [refresh]);

  useRealtime({
    room: `user:${userId}`,
    onResync: refresh,
    onEvent: (e) => {
      if (e.type === "notification.created" || e.type === "notification.read") refresh();
    },
  });

  const markRead = async (item: Item) => {
    if (!item.read) await fetch(`/api/v1/notifications/${item.id}/read`, { method: "POST" }).catch(() => {});
    refresh();
  };

  return (
    <Popover>
      <PopoverTrigger asChild>
        <button
          type="button"
          aria-label={unread ? t("notifications.bellCount", { count: unread }) : t("notifications.bell")}
          className="relative flex size-8 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-text"
          data-testid="notification-bell"
        >
          <BellIcon />
          {unread > 0 ? (
            <span
              aria-hidden="true"
              className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-accent px-1 text-center text-[10px] font-semibold leading-4 text-accent-fg"
              data-testid="notification-count"
            >
              {unread > 99 ? "99+" : unread}
            </span>
          ) : null}
        </button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-0">
        <div className="flex items-center justify-between border-b border-border px-3 py-2">
          <h2 className="text-sm font-semibold">{t("notifications.bell")}</h2>
          <Button
            size="sm"
            variant="ghost"
            disabled={unread === 0}
            onClick={async () => {
              await fetch("/api/v1/notifications/read-all", { method: "POST" });
              refresh();
            }}
          >
            {t("notifications.markAll")}
          </Button>
        </div>
        {items.length === 0 ? <p className="px-3 py-4 text-center text-xs text-muted">{t("notifications.empty")}</p> : null}
        <ul className="max-h-96 overflow-y-auto" data-testid="notification-list">
          {items.map((n) => (
            <li key={n.id} className="flex items-start gap-2 border-b border-border px-3 py-2 last:border-b-0">
              <button
                type="button"
                className="min-w-0 flex-1 text-left"
                onClick={async () => {
                  await markRead(n);
                  router.push(n.url);
                }}
              >
                <span className={cn("block text-sm", !n.read && "font-semibold")}>{n.title}</span>
                <span className="block truncate text-xs text-muted">{n.text}</span>
              </button>
              {!n.read ? (
                <button
                  type="button"
                  className="size-5 shrink-0 rounded-full text-accent hover:bg-surface-2"
                  aria-label={t("notifications.markRead")}
                  title={t("notifications.markRead")}
                  onClick={() => void markRead(n)}
                >
                  <span aria-hidden="true">●</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </PopoverContent>
    </Popover>
  );
}

/** The number of unread messages (conversations and project chats) for the navigation. */
export function ChatUnreadBadge({ userId }: { userId: number }) {
  const t = useT();
  const [count, setCount] = useState(0);
  const refresh = useCallback(() => {
    fetch("/api/v1/me/unread")
      .then((r) => (r.ok ? r.json() : null))
      .then((u) => {
        if (u) setCount(u.directUnread + u.projects.reduce((n: number, p: { unread: number }) => n + p.unread, 0));
      })
      .catch(() => {});
  }, []);
  useEffect(() => {
    refresh();
    window.addEventListener("warmdesk:unread", refresh);
    window.addEventListener("focus", refresh);
    return () => {
      window.removeEventListener("warmdesk:unread", refresh);
      window.removeEventListener("focus", refresh);
    };
  }, [refresh]);
  useRealtime({
    room: `user:${userId}`,
    onResync: refresh,
    onEvent: (e) => {
      if (e.type === "dm.message" || e.type === "conversation.updated" || e.type === "notification.created") refresh();
    },
  });
  if (!count) return null;
  return (
    <span
      className="ml-1 min-w-4 rounded-full bg-accent px-1 text-center text-[10px] font-semibold leading-4 text-accent-fg"
      data-testid="chat-unread-badge"
    >
      <span aria-hidden="true">{count > 99 ? "99+" : count}</span>
      <span className="sr-only">{t("chat.messages.unread", { count })}</span>
    </span>
  );
}
