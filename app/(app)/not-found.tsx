"use client";

import Link from "next/link";
import { useT } from "@/components/i18n-provider.tsx";
import { PageContainer } from "@/components/shell/page-header.tsx";
import { buttonClasses } from "@/components/ui/button.tsx";

// Shown inside the shell for notFound() in any (app) page: a project the user may not read looks
// exactly like one that does not exist.
export default function NotFound() {
  const t = useT();
  return (
    <PageContainer>
      <section className="mt-10 flex flex-col items-center gap-3 text-center">
        <p className="font-mono text-sm font-medium text-accent">404</p>
        <h1 className="text-xl font-semibold tracking-tight">{t("notFound.title")}</h1>
        <p className="max-w-md text-sm text-muted">{t("notFound.body")}</p>
        <Link href="/" className={buttonClasses({ variant: "secondary", size: "sm", className: "mt-2" })}>
          {t("placeholder.back")}
        </Link>
      </section>
    </PageContainer>
  );
}
