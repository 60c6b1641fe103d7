import { cn } from "@/components/ui/cn.ts";
import { logoUrl } from "@/lib/settings/logo.ts";
import { getSetting } from "@/lib/settings/settings.ts";

/** The WarmDesk mark: three board columns of falling height on the accent colour. */
export function DefaultMark({ size = 24, className }: { size?: number; className?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className={cn("shrink-0", className)}>
      <rect width="32" height="32" rx="8" className="fill-accent" />
      <rect x="7" y="8" width="5" height="16" rx="2" className="fill-accent-fg" />
      <rect x="13.5" y="8" width="5" height="11" rx="2" className="fill-accent-fg" opacity=".85" />
      <rect x="20" y="8" width="5" height="7" rx="2" className="fill-accent-fg" opacity=".7" />
    </svg>
  );
}

/** The instance's uploaded logo, or the WarmDesk mark when none is set. A server component: it
 * reads the setting per request (client components use DefaultMark). Decorative: the instance
 * name always stands beside it. */
export async function LogoMark({ size = 24, className }: { size?: number; className?: string }) {
  const src = logoUrl(await getSetting("logo"));
  if (!src) return <DefaultMark size={size} className={className} />;
  return (
    // biome-ignore lint/performance/noImgElement: a small self-hosted image; next/image adds nothing here
    <img
      src={src}
      alt=""
      width={size}
      height={size}
      className={cn("shrink-0 rounded-md object-contain", className)}
      style={{ width: size, height: size }}
    />
  );
}
