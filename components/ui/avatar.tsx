import type { CSSProperties } from "react";
import { cn } from "./cn.ts";

export type AvatarSize = "xs" | "sm" | "md" | "lg" | "xl";

const SIZES: Record<AvatarSize, string> = {
  xs: "size-5 text-[9px]",
  sm: "size-6 text-[10px]",
  md: "size-8 text-xs",
  lg: "size-10 text-sm",
  xl: "size-20 text-2xl",
};

/** A stable hue (0–359) for a name, so a person keeps their colour everywhere. */
export function hueFor(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h % 360;
}

/** Up to two letters: "anna.berg" → "AB", "mo" → "MO". */
export function initialsFor(name: string): string {
  const parts = name.split(/[\s._-]+/).filter(Boolean);
  const letters = parts.length >= 2 ? parts[0][0] + parts[1][0] : name.slice(0, 2);
  return letters.toUpperCase();
}

export type AvatarProps = {
  username: string;
  size?: AvatarSize;
  /** An uploaded picture; initials are shown when absent. */
  src?: string | null;
  /** When the name is already shown next to the avatar, hide it from assistive technology. */
  decorative?: boolean;
  className?: string;
};

export function Avatar({ username, size = "md", src, decorative = false, className }: AvatarProps) {
  const a11y = decorative ? { "aria-hidden": true as const } : { role: "img", "aria-label": username, title: username };
  const classes = cn(
    "inline-flex shrink-0 select-none items-center justify-center overflow-hidden rounded-full font-semibold tracking-tight",
    "bg-[hsl(var(--avatar-h)_62%_88%)] text-[hsl(var(--avatar-h)_45%_27%)] dark:bg-[hsl(var(--avatar-h)_28%_30%)] dark:text-[hsl(var(--avatar-h)_70%_86%)]",
    SIZES[size],
    className,
  );
  const style = { "--avatar-h": hueFor(username) } as CSSProperties;
  if (src) {
    return (
      <span className={classes} style={style} {...a11y}>
        {/* biome-ignore lint/performance/noImgElement: user uploads are served by our own route, not next/image. */}
        <img src={src} alt="" className="size-full object-cover" />
      </span>
    );
  }
  return (
    <span className={classes} style={style} {...a11y}>
      {initialsFor(username)}
    </span>
  );
}
