import Link from "next/link";
import type { ReactNode } from "react";

/** The card that holds the setup and sign-in forms. */
export function AuthCard({
  title,
  subtitle,
  eyebrow,
  children,
}: {
  title: string;
  subtitle?: string;
  eyebrow?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="w-full rounded-xl border border-border bg-surface p-6 shadow-md sm:p-7">
      <div className="mb-5 flex flex-col gap-1.5">
        {eyebrow}
        <h1 className="text-lg font-semibold tracking-tight">{title}</h1>
        {subtitle ? <p className="text-sm text-muted">{subtitle}</p> : null}
      </div>
      {children}
    </div>
  );
}

/** A centred link under an auth form (sign-in ↔ sign-up). */
export function AuthFooterLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mt-4 text-center text-sm text-muted">
      <Link
        href={href}
        className="rounded-sm text-accent hover:underline focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30"
      >
        {children}
      </Link>
    </p>
  );
}
