import type { ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn.ts";

const SELECT =
  "h-9 w-full rounded-md border border-border bg-surface px-2 text-sm text-text shadow-sm hover:border-muted/50 focus-visible:border-accent focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30 disabled:cursor-not-allowed disabled:opacity-60";

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(SELECT, className)} {...props} />;
}

/** A card-like section of the settings page with its heading (labelled for assistive technology). */
export function SettingsSection({
  id,
  title,
  description,
  aside,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`settings-${id}`} className="rounded-lg border border-border bg-surface p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex flex-col gap-1">
          <h2 id={`settings-${id}`} className="text-base font-semibold">
            {title}
          </h2>
          {description ? <p className="text-sm text-muted">{description}</p> : null}
        </div>
        {aside}
      </div>
      <div className="mt-4 flex flex-col gap-6">{children}</div>
    </section>
  );
}
