"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useT } from "@/components/i18n-provider.tsx";
import { cn } from "@/components/ui/cn.ts";
import type { MessageKey } from "@/lib/i18n/index.ts";

const SECTIONS: { href: string; label: MessageKey }[] = [
  { href: "/admin/users", label: "admin.nav.users" },
  { href: "/admin/groups", label: "admin.nav.groups" },
  { href: "/admin/settings", label: "admin.nav.settings" },
  { href: "/admin/webhooks", label: "admin.nav.webhooks" },
  { href: "/admin/audit", label: "admin.nav.audit" },
];

/** The administration's sections: a column beside the page on wide screens, a row of tabs above it otherwise. */
export function AdminNav() {
  const t = useT();
  const pathname = usePathname();
  return (
    <nav aria-label={t("admin.nav.label")} className="md:sticky md:top-20">
      <p className="mb-2 hidden px-3 text-xs font-medium tracking-wide text-muted uppercase md:block">{t("admin.title")}</p>
      <ul className="flex gap-1 overflow-x-auto border-b border-border pb-2 md:flex-col md:overflow-visible md:border-0 md:pb-0">
        {SECTIONS.map((s) => {
          const current = pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block whitespace-nowrap rounded-md px-3 py-1.5 text-sm text-muted hover:bg-surface-2 hover:text-text focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30",
                  current && "bg-surface-2 font-medium text-text",
                )}
              >
                {t(s.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
