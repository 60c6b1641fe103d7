import type { HTMLAttributes } from "react";
import { cn } from "./cn.ts";

export type BadgeVariant = "neutral" | "accent" | "success" | "warning" | "danger" | "outline";

const VARIANTS: Record<BadgeVariant, string> = {
  neutral: "bg-surface-2 text-muted",
  accent: "bg-accent-soft text-accent",
  success: "bg-success-soft text-success",
  warning: "bg-warning-soft text-warning",
  danger: "bg-danger-soft text-danger",
  outline: "border border-border text-muted",
};

/** A short status or count label. */
export function Badge({
  variant = "neutral",
  className,
  ...props
}: HTMLAttributes<HTMLSpanElement> & { variant?: BadgeVariant }) {
  return (
    <span
      className={cn(
        "inline-flex h-5 shrink-0 items-center gap-1 whitespace-nowrap rounded-sm px-1.5 text-xs font-medium leading-none",
        VARIANTS[variant],
        className,
      )}
      {...props}
    />
  );
}
