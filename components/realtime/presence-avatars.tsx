"use client";
// Who else is here: overlapping avatars of the other people following the room, the ones editing
// ringed in the accent colour. The list is one accessible group with the names spelled out.
import type { PresenceUser } from "../../lib/realtime/events.ts";
import { useT } from "../i18n-provider.tsx";
import { Avatar } from "../ui/avatar.tsx";
import { cn } from "../ui/cn.ts";

const SHOWN = 5;

export function PresenceAvatars({ users, className }: { users: PresenceUser[]; className?: string }) {
  const t = useT();
  if (users.length === 0) return null;
  const shown = users.slice(0, SHOWN);
  const names = users.map((u) => u.username).join(", ");
  return (
    <ul
      aria-label={t("realtime.here", { names })}
      data-testid="presence"
      className={cn("flex items-center -space-x-1.5", className)}
    >
      {shown.map((u) => {
        const label = t(u.editing ? "realtime.editing" : "realtime.viewing", { name: u.username });
        return (
          <li
            key={u.id}
            title={label}
            data-presence-user={u.username}
            data-editing={u.editing || undefined}
            className="list-none"
          >
            <Avatar
              username={u.username}
              size="sm"
              decorative
              className={cn("ring-2 ring-bg transition-shadow", u.editing && "ring-accent")}
            />
          </li>
        );
      })}
      {users.length > SHOWN ? (
        <li
          aria-hidden="true"
          className="inline-flex size-6 list-none items-center justify-center rounded-full bg-surface-2 text-[10px] font-semibold text-muted ring-2 ring-bg"
        >
          {t("realtime.hereMore", { count: users.length - SHOWN })}
        </li>
      ) : null}
    </ul>
  );
}
