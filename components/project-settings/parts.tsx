"use client";

// Building blocks the sections of the project settings page share.
import { type ReactNode, useEffect, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { cn } from "@/components/ui/cn.ts";
import { CheckIcon } from "@/components/ui/icons.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { MessageKey } from "@/lib/i18n/index.ts";
import type { ApiError } from "./api.ts";

export { Select } from "@/components/ui/select.tsx";

export function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-border bg-surface p-5 shadow-sm">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-muted">{description}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}

/** Local state that follows the server's props (after router.refresh) but can be updated at once. */
export function useSynced<T>(value: T): [T, (next: T | ((prev: T) => T)) => void] {
  const [state, setState] = useState(value);
  useEffect(() => setState(value), [value]);
  return [state, setState];
}

/** A toast for errors the form cannot attach to a field. */
export function useErrorToast() {
  const t = useT();
  return (error: ApiError) => {
    const key: MessageKey =
      error.code === "network"
        ? "common.error.network"
        : error.code === "forbidden"
          ? "projects.settings.error.forbidden"
          : error.code === "not_found"
            ? "projects.settings.error.gone"
            : error.code === "conflict" && /archived/i.test(error.message)
              ? "projects.settings.error.archived"
              : error.code === "conflict" && /admin/i.test(error.message)
                ? "projects.settings.error.lastAdmin"
                : "common.error.generic";
    toast(t(key), { variant: "error" });
  };
}

/** One round colour choice of a radio group (`group` names the group). No value: "automatic". */
export function ColourSwatch({
  group,
  value,
  label,
  checked,
  onSelect,
}: {
  group: string;
  value?: string;
  label: string;
  checked: boolean;
  onSelect: () => void;
}) {
  return (
    <label
      title={label}
      className={cn(
        "relative flex size-8 cursor-pointer items-center justify-center rounded-full border-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring has-[:disabled]:cursor-not-allowed",
        checked ? "border-text" : "border-transparent",
      )}
    >
      <input type="radio" name={group} checked={checked} onChange={onSelect} aria-label={label} className="sr-only" />
      <span
        aria-hidden="true"
        className={cn(
          "flex size-6 items-center justify-center rounded-full text-white",
          value ? "" : "border border-dashed border-muted bg-surface-2 text-muted",
        )}
        style={value ? { background: value } : undefined}
      >
        {checked ? <CheckIcon size={14} /> : null}
      </span>
    </label>
  );
}
