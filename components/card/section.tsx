import type { ReactNode } from "react";

export function Section({ title, aside, children, id }: { title: string; aside?: ReactNode; children: ReactNode; id?: string }) {
  return (
    <section className="mt-7" aria-labelledby={id}>
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 id={id} className="text-xs font-semibold tracking-wide text-muted uppercase">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}
