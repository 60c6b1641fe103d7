"use client";
// A searchable list for references to other objects (customer, contract, user, card): type to
// filter, arrows to move, Enter to pick, Escape to close. The ARIA 1.2 combobox pattern (an input
// with role="combobox" that owns a listbox); `Field` passes id, aria-describedby and aria-invalid.
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from "react";
import { cn } from "./cn.ts";
import { CONTROL } from "./input.tsx";

export type ComboboxOption = { value: string; label: string; detail?: string };

export function Combobox({
  id,
  options,
  value,
  onChange,
  noneLabel,
  placeholder,
  disabled,
  className,
  "aria-describedby": describedBy,
  "aria-invalid": invalid,
  "data-testid": testId,
}: {
  id?: string;
  options: ComboboxOption[];
  /** The picked option's value ("" or null: none). */
  value: string | null;
  onChange: (value: string | null) => void;
  /** When given, the list starts with this entry, which clears the choice. */
  noneLabel?: string;
  placeholder?: string;
  disabled?: boolean;
  className?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  "data-testid"?: string;
}) {
  const generated = useId();
  const inputId = id ?? `cb${generated}`;
  const listId = `${inputId}-list`;
  const selected = options.find((o) => o.value === value) ?? null;
  const [query, setQuery] = useState(selected?.label ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [typed, setTyped] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);

  // The shown text follows the choice (and options that arrive later).
  useEffect(() => {
    if (!open) setQuery(selected?.label ?? "");
  }, [selected?.label, open]);

  const shown = useMemo(() => {
    const q = typed ? query.trim().toLowerCase() : "";
    const matching = options.filter((o) => !q || `${o.label} ${o.detail ?? ""}`.toLowerCase().includes(q));
    return noneLabel && !q ? [{ value: "", label: noneLabel }, ...matching] : matching;
  }, [options, query, typed, noneLabel]);

  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  function pick(option: ComboboxOption) {
    onChange(option.value || null);
    setQuery(option.value ? option.label : "");
    setOpen(false);
    setTyped(false);
  }

  function openList() {
    setOpen(true);
    setTyped(false);
    const at = shownIndexOf(value);
    setActive(Math.max(at, 0));
  }

  function shownIndexOf(v: string | null) {
    return shown.findIndex((o) => o.value === (v ?? ""));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return openList();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (shown.length ? (i + step + shown.length) % shown.length : 0));
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      const option = shown[active];
      if (option) pick(option);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setTyped(false);
      setQuery(selected?.label ?? "");
    }
  }

  return (
    <div className={cn("relative", className)}>
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[active] ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        placeholder={placeholder}
        value={query}
        data-testid={testId}
        className={cn(CONTROL, "h-11 w-full px-3 sm:h-9")}
        onChange={(e) => {
          setQuery(e.target.value);
          setTyped(true);
          setOpen(true);
          setActive(0);
        }}
        onClick={() => (open ? undefined : openList())}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setTyped(false);
          // Typed text that was not picked is dropped; an emptied field clears the choice.
          if (!query.trim() && noneLabel) onChange(null);
          else setQuery(selected?.label ?? "");
        }}
      />
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        hidden={!open}
        className="absolute z-30 mt-1 max-h-64 w-full min-w-[14rem] overflow-y-auto rounded-md border border-border bg-surface py-1 text-sm shadow-lg"
      >
        {shown.map((o, i) => (
          <div
            key={o.value || "none"}
            id={`${listId}-${i}`}
            data-index={i}
            role="option"
            tabIndex={-1}
            aria-selected={o.value === (value ?? "")}
            className={cn(
              "flex min-h-11 cursor-pointer flex-col justify-center px-3 py-1 sm:min-h-8",
              i === active && "bg-accent-soft",
              !o.value && "text-muted",
            )}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(o)}
            onKeyDown={() => {}}
          >
            <span className="break-words">{o.label}</span>
            {o.detail ? <span className="text-xs text-muted">{o.detail}</span> : null}
          </div>
        ))}
        {open && shown.length === 0 ? <div className="px-3 py-2 text-muted">–</div> : null}
      </div>
    </div>
  );
}
