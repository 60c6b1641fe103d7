"use client";

import { useEffect, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { cn } from "@/components/ui/cn.ts";
import type { MessageKey } from "@/lib/i18n/index.ts";

export const PROFILE_SECTIONS: { id: string; label: MessageKey }[] = [
  { id: "account", label: "profile.account.title" },
  { id: "avatar", label: "profile.avatar.title" },
  { id: "password", label: "profile.password.title" },
  { id: "two-factor", label: "profile.mfa.title" },
  { id: "sessions", label: "profile.sessions.title" },
  { id: "api-keys", label: "profile.apiKeys.title" },
];

/** The page's local navigation: links to each section, the one in view marked as current. */
export function ProfileNav() {
  const t = useT();
  const [active, setActive] = useState<string>(PROFILE_SECTIONS[0].id);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    setReady(true);
    const sections = PROFILE_SECTIONS.map((s) => document.getElementById(s.id)).filter((el): el is HTMLElement => !!el);
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries
          .filter((e) => e.isIntersecting)
          .sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top);
        if (visible[0]) setActive(visible[0].target.id);
      },
      { rootMargin: "-64px 0px -60% 0px" },
    );
    for (const el of sections) observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <nav aria-label={t("profile.nav")} data-ready={ready || undefined} className="md:sticky md:top-20">
      <ul className="flex gap-1 overflow-x-auto pb-1 md:flex-col md:overflow-visible md:pb-0">
        {PROFILE_SECTIONS.map((s) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              onClick={() => setActive(s.id)}
              aria-current={active === s.id ? "location" : undefined}
              className={cn(
                "block whitespace-nowrap rounded-md px-3 md:whitespace-normal py-1.5 text-sm text-muted hover:bg-surface-2 hover:text-text focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30",
                active === s.id && "bg-surface-2 font-medium text-text",
              )}
            >
              {t(s.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
