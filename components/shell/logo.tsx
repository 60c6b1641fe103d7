import { cn } from "@/components/ui/cn.ts";

/** The WarmDesk mark: three board columns of falling height on the accent colour. */
export function LogoMark({ size = 24, className }: { size?: number; className?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className={cn("shrink-0", className)}>
      <rect width="32" height="32" rx="8" className="fill-accent" />
      <rect x="7" y="8" width="5" height="16" rx="2" className="fill-accent-fg" />
      <rect x="13.5" y="8" width="5" height="11" rx="2" className="fill-accent-fg" opacity=".85" />
      <rect x="20" y="8" width="5" height="7" rx="2" className="fill-accent-fg" opacity=".7" />
    </svg>
  );
}
