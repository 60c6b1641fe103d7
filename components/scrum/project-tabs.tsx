"use client";

import Link from "next/link";
import { useT } from "../i18n-provider.tsx";
import { cn } from "../ui/cn.ts";
import { BoardIcon, ChartIcon, ListIcon } from "../ui/icons.tsx";

export type ProjectTab = "board" | "backlog" | "reports";

const TABS = [
  { id: "board", path: "", Icon: BoardIcon, key: "scrum.tabs.board" },
  { id: "backlog", path: "/backlog", Icon: ListIcon, key: "scrum.tabs.backlog" },
  { id: "reports", path: "/reports", Icon: ChartIcon, key: "scrum.tabs.reports" },
] as const;

/** Board / Backlog / Reports of a scrum project, in the project's header. */
export function ProjectTabs({ slug, current }: { slug: string; current: ProjectTab }) {
  const t = useT();
  return (
    <nav aria-label={t("scrum.tabs.label")} data-testid="project-tabs">
      <ul className="flex items-center gap-0.5 rounded-lg bg-surface-2 p-0.5">
        {TABS.map(({ id, path, Icon, key }) => (
          <li key={id}>
            <Link
              href={`/${slug}${path}`}
              aria-current={id === current ? "page" : undefined}
              className={cn(
                "inline-flex h-7 items-center gap-1.5 rounded-md px-2.5 text-[12px] font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                id === current ? "bg-surface text-text shadow-sm" : "text-muted hover:text-text",
              )}
            >
              <Icon size={14} className={id === current ? "text-accent" : undefined} />
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
