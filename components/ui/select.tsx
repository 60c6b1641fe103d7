import type { SelectHTMLAttributes } from "react";
import { cn } from "./cn.ts";

const SELECT =
  "h-9 rounded-md border border-border bg-surface px-2 text-sm text-text shadow-sm hover:border-muted/50 focus-visible:border-accent focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30 disabled:cursor-not-allowed disabled:opacity-60";

/** A native select styled like the inputs. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(SELECT, className)} {...props} />;
}
