"use client";

import Link from "next/link";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { PageHeader } from "@/components/shell/page-header.tsx";
import { hueFor } from "@/components/ui/avatar.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { BoardIcon, CheckIcon, PlusIcon, SearchIcon, XIcon } from "@/components/ui/icons.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Kbd } from "@/components/ui/kbd.tsx";
import { NewProjectDialog } from "./new-project-dialog.tsx";

export type ProjectSummary = {
  id: number;
  name: string;
  slug: string;
  key: string;
  type: string;
  color: string | null;
  cardCount: number;
  isArchived: boolean;
  /** A direct member (listed first), rather than through a group or as a system admin. */
  isMember: boolean;
  customer: { name: string } | null;
};

/** True while the user is typing somewhere: single-key shortcuts must not fire then. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** `showArchived` comes from the URL (`?archived=1`), so the toggle is a plain link that works before hydration. */
export function ProjectList({ projects, showArchived }: { projects: ProjectSummary[]; showArchived: boolean }) {
  const t = useT();
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const deferred = useDeferredValue(query);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const archivedCount = projects.filter((p) => p.isArchived).length;
  const visible = useMemo(() => (showArchived ? projects : projects.filter((p) => !p.isArchived)), [projects, showArchived]);

  const shown = useMemo(() => {
    const q = deferred.trim().toLowerCase();
    if (!q) return visible;
    return visible.filter((p) => [p.name, p.key, p.customer?.name ?? ""].some((s) => s.toLowerCase().includes(q)));
  }, [visible, deferred]);
  const mine = shown.filter((p) => p.isMember);
  const others = shown.filter((p) => !p.isMember);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "n" || event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector("[role=dialog],[role=menu]")) return;
      event.preventDefault();
      setCreating(true);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const newButton = (
    <Button
      ref={newButtonRef}
      variant="primary"
      onClick={() => setCreating(true)}
      aria-keyshortcuts="n"
      title={t("projects.shortcutNew", { key: "N" })}
    >
      <PlusIcon />
      {t("projects.new")}
      <Kbd className="ml-1 hidden border-transparent bg-accent-fg/20 text-accent-fg sm:inline-flex">N</Kbd>
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t("projects.title")}
        description={t("projects.count", { count: visible.length })}
        actions={
          <>
            {archivedCount > 0 ? (
              <Link
                href={showArchived ? "/" : "/?archived=1"}
                replace
                scroll={false}
                // A link (works before hydration) that behaves as a checkbox for assistive technology.
                role="checkbox"
                aria-checked={showArchived}
                onKeyDown={(e) => {
                  if (e.key !== " ") return;
                  e.preventDefault();
                  e.currentTarget.click();
                }}
                className={buttonClasses({ variant: "ghost", size: "sm" })}
              >
                <span
                  aria-hidden="true"
                  className={cn(
                    "flex size-3.5 items-center justify-center rounded-sm border",
                    showArchived ? "border-accent bg-accent text-accent-fg" : "border-muted",
                  )}
                >
                  {showArchived ? <CheckIcon size={11} /> : null}
                </span>
                {t("projects.showArchived", { count: archivedCount })}
              </Link>
            ) : null}
            {visible.length > 0 ? (
              <div className="relative">
                <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-muted" />
                <Input
                  type="search"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Escape") setQuery("");
                  }}
                  aria-label={t("projects.search")}
                  placeholder={t("projects.searchPlaceholder")}
                  className="w-72 pl-8"
                />
              </div>
            ) : null}
            {newButton}
          </>
        }
      />

      {visible.length === 0 ? (
        <EmptyState onCreate={() => setCreating(true)} />
      ) : shown.length === 0 ? (
        <div className="mt-6 flex flex-col items-center gap-2 rounded-xl border border-dashed border-border px-6 py-14 text-center">
          <p className="font-medium">{t("projects.noMatch.title", { query: deferred.trim() })}</p>
          <p className="text-sm text-muted">{t("projects.noMatch.body")}</p>
          <Button variant="ghost" size="sm" onClick={() => setQuery("")} className="mt-1">
            <XIcon size={14} />
            {t("projects.clearSearch")}
          </Button>
        </div>
      ) : (
        <>
          <ProjectGrid projects={mine} heading={others.length > 0 && mine.length > 0 ? t("projects.yours") : null} />
          <ProjectGrid projects={others} heading={mine.length > 0 && others.length > 0 ? t("projects.others") : null} />
        </>
      )}

      <NewProjectDialog open={creating} onOpenChange={setCreating} returnFocusTo={newButtonRef} />
    </>
  );
}

function ProjectGrid({ projects, heading }: { projects: ProjectSummary[]; heading: string | null }) {
  if (projects.length === 0) return null;
  const list = (
    <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {projects.map((p) => (
        <li key={p.id} className="group/card relative">
          <ProjectCard project={p} />
          <SettingsLink project={p} />
        </li>
      ))}
    </ul>
  );
  if (!heading) return <div className="mt-3">{list}</div>;
  return (
    <section className="mt-6">
      <h2 className="text-sm font-medium text-muted">{heading}</h2>
      {list}
    </section>
  );
}

/** A sibling of the card's link (links cannot nest), shown on hover and on keyboard focus. */
function SettingsLink({ project: p }: { project: ProjectSummary }) {
  const t = useT();
  const label = t("projects.settingsLink", { name: p.name });
  return (
    <Link
      href={`/${p.slug}/settings`}
      aria-label={label}
      title={label}
      className="absolute top-3 right-3 flex size-7 items-center justify-center rounded-md text-muted opacity-0 transition-opacity hover:bg-surface-2 hover:text-text focus-visible:opacity-100 group-hover/card:opacity-100"
    >
      <svg
        width={15}
        height={15}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="12" cy="12" r="3" />
        <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
      </svg>
    </Link>
  );
}

function projectColour(p: ProjectSummary): string {
  return p.color ?? `hsl(${hueFor(p.key)} 42% 48%)`;
}

function ProjectCard({ project: p }: { project: ProjectSummary }) {
  const t = useT();
  return (
    <Link
      href={`/${p.slug}`}
      className={cn(
        "group flex h-full flex-col gap-3 rounded-lg border border-border bg-surface p-4 shadow-sm transition-[border-color,box-shadow] hover:border-muted/40 hover:shadow-md",
        p.isArchived && "opacity-75",
      )}
    >
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className="flex size-9 shrink-0 items-center justify-center rounded-md text-sm font-semibold text-white"
          style={{ background: projectColour(p) }}
        >
          {p.name.trim().charAt(0).toUpperCase() || p.key.charAt(0)}
        </span>
        <div className="flex min-w-0 flex-1 flex-col">
          <span className="truncate font-semibold text-text group-hover:text-accent">{p.name}</span>
          <span className="flex min-w-0 items-center gap-1.5 text-xs text-muted">
            <span className="font-mono font-medium text-text/75">{p.key}</span>
            <span aria-hidden="true">·</span>
            <span className="truncate">{p.customer?.name ?? t("projects.noCustomer")}</span>
          </span>
        </div>
      </div>
      <div className="mt-auto flex items-center justify-between gap-3 text-xs text-muted">
        <span className="flex items-center gap-1.5">
          <BoardIcon size={13} />
          {t("projects.cards", { count: p.cardCount })}
        </span>
        <span className="flex items-center gap-1.5">
          {p.isArchived ? <Badge variant="warning">{t("projects.archived")}</Badge> : null}
          <Badge variant={p.type === "scrum" ? "accent" : "neutral"}>
            {t(p.type === "scrum" ? "projects.type.scrum" : "projects.type.kanban")}
          </Badge>
        </span>
      </div>
    </Link>
  );
}

function EmptyState({ onCreate }: { onCreate: () => void }) {
  const t = useT();
  return (
    <section className="mt-6 flex flex-col items-center gap-4 rounded-xl border border-dashed border-border bg-surface px-6 py-16 text-center">
      <span className="flex size-12 items-center justify-center rounded-xl bg-accent-soft text-accent">
        <BoardIcon size={24} />
      </span>
      <div className="flex max-w-md flex-col gap-1.5">
        <h2 className="text-base font-semibold">{t("projects.empty.title")}</h2>
        <p className="text-sm text-muted">{t("projects.empty.body")}</p>
      </div>
      <Button variant="primary" onClick={onCreate}>
        <PlusIcon />
        {t("projects.new")}
      </Button>
    </section>
  );
}
