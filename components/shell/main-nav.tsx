"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ChatUnreadBadge } from "@/components/chat/notification-bell.tsx";
import { useT } from "@/components/i18n-provider.tsx";
import { cn } from "@/components/ui/cn.ts";
import { BoardIcon, BuildingIcon, ChatIcon, ClockIcon, ListIcon, ShieldIcon } from "@/components/ui/icons.tsx";
import type { MessageKey } from "@/lib/i18n/index.ts";

const ITEMS: Array<{ href: string; key: MessageKey; Icon: typeof BoardIcon; adminOnly?: boolean }> = [
  { href: "/", key: "nav.projects", Icon: BoardIcon },
  { href: "/my-work", key: "nav.myWork", Icon: ListIcon },
  { href: "/chat", key: "nav.chat", Icon: ChatIcon },
  { href: "/time", key: "nav.time", Icon: ClockIcon },
  { href: "/customers", key: "nav.customers", Icon: BuildingIcon },
  { href: "/admin", key: "nav.admin", Icon: ShieldIcon, adminOnly: true },
];

const SECTIONS = new Set(["chat", "time", "admin", "profile", "customers", "my-work"]);

/** "/" is Projects, and so is every project board ("/<slug>"). */
function isActive(pathname: string, href: string): boolean {
  const first = pathname.split("/")[1] ?? "";
  if (href === "/") return !SECTIONS.has(first);
  return first === href.slice(1);
}

export function MainNav({ isAdmin, userId }: { isAdmin: boolean; userId?: number }) {
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t("shell.mainNav")} className="flex min-w-0 items-center overflow-x-auto">
      <ul className="flex items-center gap-0.5">
        {ITEMS.filter((i) => !i.adminOnly || isAdmin).map(({ href, key, Icon }) => {
          const active = isActive(pathname, href);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex h-8 items-center gap-1.5 rounded-md px-2.5 text-[13px] font-medium transition-colors",
                  active ? "bg-surface-2 text-text" : "text-muted hover:bg-surface-2 hover:text-text",
                )}
              >
                <Icon size={15} className={active ? "text-accent" : undefined} />
                <span className="sr-only sm:not-sr-only">{t(key)}</span>
                {href === "/chat" && userId ? <ChatUnreadBadge userId={userId} /> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
