import Link from "next/link";
import type { ComponentType } from "react";
import { Badge } from "@/components/ui/badge.tsx";
import { buttonClasses } from "@/components/ui/button.tsx";
import type { T } from "@/lib/i18n/index.ts";
import { PageContainer, PageHeader } from "./page-header.tsx";

/** A placeholder for a section that is not built yet, in the same frame as real pages. */
export function ComingSoon({
  t,
  title,
  body,
  Icon,
}: {
  t: T;
  title: string;
  body: string;
  Icon: ComponentType<{ size?: number; className?: string }>;
}) {
  return (
    <PageContainer>
      <PageHeader title={title} />
      <section className="mt-6 flex flex-col items-center gap-4 rounded-xl border border-dashed border-border bg-surface px-6 py-16 text-center">
        <span className="flex size-12 items-center justify-center rounded-xl bg-accent-soft text-accent">
          <Icon size={24} />
        </span>
        <div className="flex flex-col items-center gap-2">
          <Badge variant="accent">{t("common.comingSoon")}</Badge>
          <p className="max-w-md text-sm text-muted">{body}</p>
        </div>
        <Link href="/" className={buttonClasses({ variant: "secondary", size: "sm" })}>
          {t("placeholder.back")}
        </Link>
      </section>
    </PageContainer>
  );
}
