import type { ReactNode } from "react";
import { cn } from "./cn.ts";

/** A keyboard key, e.g. <Kbd>N</Kbd>. */
export function Kbd({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <kbd
      className={cn(
        "inline-flex h-5 min-w-5 items-center justify-center rounded-sm border border-border bg-surface-2 px-1 font-mono text-[11px] font-medium text-muted",
        className,
      )}
    >
      {children}
    </kbd>
  );
}
