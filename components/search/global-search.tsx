"use client";

// The global search: a header button and a dialog. Shortcuts: Ctrl+K / Cmd+K everywhere (also in a
// field), and `/` anywhere except in a field and on a page that claims `/` for itself (the board
// focuses its filter with `/`, marked by aria-keyshortcuts="/"; Ctrl+K opens this search there).
// Results come grouped by type; arrows move, Enter opens, matched words are <mark> elements built
// from the server's ranges (the text is never parsed as HTML).
import { useRouter } from "next/navigation";
import { Fragment, useEffect, useId, useMemo, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Dialog, DialogContent } from "@/components/ui/dialog.tsx";
import { SearchIcon } from "@/components/ui/icons.tsx";
import { Kbd } from "@/components/ui/kbd.tsx";
import type { MessageKey } from "@/lib/i18n/index.ts";

type Highlighted = { text: string; marks: [number, number][] };
type Result = {
  type: string;
  id: number;
  exact?: boolean;
  project: { slug: string; key: string; name: string } | null;
  conversation?: { id: number; name: string | null; isGroup: boolean };
  key?: string;
  title: Highlighted;
  snippet: Highlighted | null;
  url: string;
};

const TYPE_ORDER = ["card", "comment", "topic", "reply", "message", "dm"];

function Marked({ value }: { value: Highlighted }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of value.marks) {
    if (start < at) continue;
    parts.push(<Fragment key={`t${at}`}>{value.text.slice(at, start)}</Fragment>);
    parts.push(
      <mark key={`m${start}`} className="rounded-sm bg-accent-soft text-text">
        {value.text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  parts.push(<Fragment key={`t${at}`}>{value.text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

function isField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || el.closest("[role=dialog]") !== null;
}

export function GlobalSearch() {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Result[]>([]);
  const [loading, setLoading] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const latest = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === "k" || e.key === "K")) {
        e.preventDefault();
        setOpen(true);
        return;
      }
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isField(e.target)) return;
      if (document.querySelector('[aria-keyshortcuts="/"]')) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (!open || !q) {
      setResults([]);
      setLoading(false);
      return;
    }
    const ticket = ++latest.current;
    setLoading(true);
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/v1/search?${new URLSearchParams({ q })}`);
        const json = res.ok ? await res.json() : { results: [] };
        if (ticket === latest.current) {
          setResults(json.results);
          setActive(0);
        }
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    }, 150);
    return () => clearTimeout(timer);
  }, [query, open]);

  // Grouped by type (an exact card key stays first), flattened again for the arrow keys.
  const ordered = useMemo(() => {
    const exact = results.filter((r) => r.exact);
    const rest = results.filter((r) => !r.exact);
    return [...exact, ...TYPE_ORDER.flatMap((type) => rest.filter((r) => r.type === type))];
  }, [results]);
  const groups = useMemo(() => {
    const out: { type: string; items: { result: Result; index: number }[] }[] = [];
    ordered.forEach((result, index) => {
      const last = out[out.length - 1];
      if (last && last.type === result.type) last.items.push({ result, index });
      else out.push({ type: result.type, items: [{ result, index }] });
    });
    return out;
  }, [ordered]);

  // Where a result lives: its project, or a conversation's name (a DM or an unnamed group by kind).
  const placeOf = (r: Result) =>
    r.project?.name ??
    r.conversation?.name ??
    (r.conversation?.isGroup ? t("search.groupConversation") : t("search.directMessage"));
  const go = (r: Result | undefined) => {
    if (!r) return;
    setOpen(false);
    router.push(r.url);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, ordered.length - 1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      go(ordered[active]);
    }
  };
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+K Meta+K"
        className="inline-flex h-8 items-center gap-2 rounded-md border border-border bg-surface-2 px-2.5 text-[12px] text-muted transition-colors hover:text-text focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        data-testid="search-button"
      >
        <SearchIcon size={14} />
        <span className="hidden sm:inline">{t("search.open")}</span>
        <Kbd className="hidden md:inline-flex">/</Kbd>
      </button>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setQuery("");
        }}
      >
        <DialogContent
          title={t("search.title")}
          size="lg"
          onOpenAutoFocus={(e) => {
            // The search field, not the close button, gets the focus.
            e.preventDefault();
            inputRef.current?.focus();
          }}
        >
          <div className="flex flex-col gap-3" data-testid="search-dialog">
            <input
              ref={inputRef}
              type="search"
              role="combobox"
              aria-label={t("search.label")}
              aria-expanded={ordered.length > 0}
              aria-controls={listId}
              aria-activedescendant={ordered.length ? `${listId}-${active}` : undefined}
              autoComplete="off"
              placeholder={t("search.placeholder")}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onKeyDown}
              className="h-10 w-full rounded-md border border-border bg-surface px-3 text-[14px] text-text placeholder:text-muted focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            />
            <div
              role="listbox"
              id={listId}
              aria-label={t("search.label")}
              className="flex max-h-[55vh] flex-col gap-3 overflow-y-auto"
            >
              {groups.map((group) => (
                // biome-ignore lint/a11y/useSemanticElements: an ARIA group of options inside a listbox, not a form fieldset
                <div role="group" key={`${group.type}-${group.items[0].index}`} aria-labelledby={`${listId}-g-${group.type}`}>
                  <div
                    id={`${listId}-g-${group.type}`}
                    className="px-2 pb-1 text-[11px] font-semibold uppercase tracking-wide text-muted"
                  >
                    {t(`search.type.${group.type}` as MessageKey)}
                  </div>
                  {group.items.map(({ result, index }) => (
                    <div
                      key={`${result.type}-${result.id}`}
                      id={`${listId}-${index}`}
                      role="option"
                      tabIndex={-1}
                      aria-selected={index === active}
                      onMouseMove={() => setActive(index)}
                      onClick={() => go(result)}
                      onKeyDown={() => {}}
                      className={`flex cursor-pointer flex-col gap-0.5 rounded-md px-2 py-1.5 ${index === active ? "bg-surface-2" : ""}`}
                      data-testid="search-result"
                    >
                      <div className="flex items-baseline gap-2 text-[13px] text-text">
                        {result.key ? <span className="font-mono text-[11px] text-muted">{result.key}</span> : null}
                        <span className="truncate font-medium">
                          <Marked value={result.title} />
                        </span>
                        <span className="ml-auto shrink-0 text-[11px] text-muted">{placeOf(result)}</span>
                      </div>
                      {result.snippet ? (
                        <div className="line-clamp-2 text-[12px] text-muted">
                          <Marked value={result.snippet} />
                        </div>
                      ) : null}
                    </div>
                  ))}
                </div>
              ))}
            </div>
            <p className="text-[12px] text-muted" aria-live="polite">
              {loading
                ? t("search.searching")
                : query.trim() && ordered.length === 0
                  ? t("search.empty", { query: query.trim() })
                  : !query.trim()
                    ? t("search.hint")
                    : t("search.keyHint")}
            </p>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}
