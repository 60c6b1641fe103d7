"use client";
// The compact filter bar above the board: a text search and menus for assignee, label, priority and
// due date. It only edits a BoardFilter; the board view keeps it in the URL and applies it.
import { forwardRef, type ReactNode } from "react";
import { useT } from "../i18n-provider.tsx";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { ChevronDownIcon, SearchIcon, XIcon } from "../ui/icons.tsx";
import { Kbd } from "../ui/kbd.tsx";
import {
  Menu,
  MenuCheckboxItem,
  MenuContent,
  MenuLabel,
  MenuRadioGroup,
  MenuRadioItem,
  MenuSeparator,
  MenuTrigger,
} from "../ui/menu.tsx";
import { type BoardFilter, countActive, type DueFilter, EMPTY_FILTER, PRIORITIES, type Priority } from "./board-filters.ts";

const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

function FilterMenu({ label, count, testId, children }: { label: string; count: number; testId: string; children: ReactNode }) {
  return (
    <Menu>
      <MenuTrigger asChild>
        <Button
          size="sm"
          variant={count > 0 ? "secondary" : "ghost"}
          data-testid={testId}
          className={cn("gap-1 font-normal", count > 0 && "border-accent/50 text-text")}
        >
          {label}
          {count > 0 ? (
            <span className="rounded-full bg-accent px-1.5 text-[10px] leading-4 font-semibold text-accent-fg tabular-nums">
              {count}
            </span>
          ) : null}
          <ChevronDownIcon size={12} className="text-muted" />
        </Button>
      </MenuTrigger>
      <MenuContent align="start" className="max-h-80 min-w-48 overflow-y-auto">
        {children}
      </MenuContent>
    </Menu>
  );
}

/** Keeps the menu open while ticking several boxes. */
const keepOpen = (e: Event) => e.preventDefault();

export const BoardFilterBar = forwardRef<
  HTMLInputElement,
  {
    filter: BoardFilter;
    onChange: (filter: BoardFilter) => void;
    options: { assignees: string[]; labels: { name: string; color: string }[] };
    me: string;
    shown: number;
    total: number;
  }
>(function BoardFilterBar({ filter, onChange, options, me, shown, total }, searchRef) {
  const t = useT();
  const active = countActive(filter);
  const people = options.assignees.filter((name) => name !== me);
  // Labels and people named in a shared URL stay listed (ticked) even if no loaded card has them.
  const labelNames = [...new Set([...options.labels.map((l) => l.name), ...filter.labels])];
  const colorOf = new Map(options.labels.map((l) => [l.name, l.color]));
  const extraPeople = filter.assignees.filter((a) => a !== "me" && a !== "none" && !people.includes(a) && a !== me);
  return (
    <search aria-label={t("board.filter.label")} className="flex flex-wrap items-center gap-1.5" data-testid="filter-bar">
      <div className="relative">
        <SearchIcon size={14} className="pointer-events-none absolute top-1/2 left-2 -translate-y-1/2 text-muted" />
        <input
          ref={searchRef}
          type="search"
          value={filter.q}
          onChange={(e) => onChange({ ...filter, q: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === "Escape" && filter.q) {
              e.preventDefault();
              onChange({ ...filter, q: "" });
            } else if (e.key === "Escape") e.currentTarget.blur();
          }}
          placeholder={t("board.filter.search")}
          aria-label={t("board.filter.search")}
          aria-keyshortcuts="/"
          className="h-7 w-56 rounded-md border border-border bg-surface pr-7 pl-7 text-[13px] text-text shadow-sm outline-none placeholder:text-muted/70 focus-visible:border-accent focus-visible:ring-3 focus-visible:ring-ring/30 [&::-webkit-search-cancel-button]:hidden"
        />
        {filter.q ? null : <Kbd className="pointer-events-none absolute top-1/2 right-1.5 h-4 -translate-y-1/2">/</Kbd>}
      </div>
      <FilterMenu label={t("board.filter.assignee")} count={filter.assignees.length} testId="filter-assignee">
        <MenuCheckboxItem
          checked={filter.assignees.includes("me")}
          onCheckedChange={() => onChange({ ...filter, assignees: toggle(filter.assignees, "me") })}
          onSelect={keepOpen}
        >
          {t("board.filter.mine")}
        </MenuCheckboxItem>
        <MenuCheckboxItem
          checked={filter.assignees.includes("none")}
          onCheckedChange={() => onChange({ ...filter, assignees: toggle(filter.assignees, "none") })}
          onSelect={keepOpen}
        >
          {t("board.filter.unassigned")}
        </MenuCheckboxItem>
        {people.length + extraPeople.length > 0 ? <MenuSeparator /> : null}
        {[...people, ...extraPeople].map((name) => (
          <MenuCheckboxItem
            key={name}
            checked={filter.assignees.includes(name)}
            onCheckedChange={() => onChange({ ...filter, assignees: toggle(filter.assignees, name) })}
            onSelect={keepOpen}
          >
            {name}
          </MenuCheckboxItem>
        ))}
      </FilterMenu>
      <FilterMenu label={t("board.filter.labels")} count={filter.labels.length} testId="filter-label">
        {labelNames.length === 0 ? <MenuLabel>{t("board.filter.noLabels")}</MenuLabel> : null}
        {labelNames.map((name) => (
          <MenuCheckboxItem
            key={name}
            checked={filter.labels.includes(name)}
            onCheckedChange={() => onChange({ ...filter, labels: toggle(filter.labels, name) })}
            onSelect={keepOpen}
          >
            <span
              aria-hidden="true"
              className="size-2 rounded-full"
              style={{ backgroundColor: colorOf.get(name) ?? "var(--color-muted)" }}
            />
            {name}
          </MenuCheckboxItem>
        ))}
      </FilterMenu>
      <FilterMenu label={t("board.filter.priority")} count={filter.priorities.length} testId="filter-priority">
        {[...PRIORITIES].reverse().map((p: Priority) => (
          <MenuCheckboxItem
            key={p}
            checked={filter.priorities.includes(p)}
            onCheckedChange={() => onChange({ ...filter, priorities: toggle(filter.priorities, p) })}
            onSelect={keepOpen}
          >
            {t(`board.filter.priority.${p}` as "board.filter.priority.low")}
          </MenuCheckboxItem>
        ))}
      </FilterMenu>
      <FilterMenu label={t("board.filter.due")} count={filter.due ? 1 : 0} testId="filter-due">
        <MenuRadioGroup
          value={filter.due ?? "any"}
          onValueChange={(v) => onChange({ ...filter, due: v === "any" ? null : (v as DueFilter) })}
        >
          <MenuRadioItem value="any">{t("board.filter.dueAny")}</MenuRadioItem>
          <MenuRadioItem value="overdue">{t("board.filter.dueOverdue")}</MenuRadioItem>
          <MenuRadioItem value="week">{t("board.filter.dueWeek")}</MenuRadioItem>
        </MenuRadioGroup>
      </FilterMenu>
      {active > 0 ? (
        <>
          <Button size="sm" variant="ghost" onClick={() => onChange(EMPTY_FILTER)} className="gap-1 text-muted">
            <XIcon size={12} />
            {t("board.filter.clear")}
          </Button>
          <span role="status" className="text-[12px] text-muted tabular-nums" data-testid="filter-count">
            {t("board.filter.count", { shown, total })}
          </span>
        </>
      ) : null}
    </search>
  );
});
