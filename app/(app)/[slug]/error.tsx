"use client";

import Link from "next/link";
import { useT } from "@/components/i18n-provider.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";

// A board that failed to load (database down, a bug): say so and offer to try again.
export default function BoardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return (
    <section role="alert" className="mt-16 flex flex-col items-center gap-3 px-6 text-center">
      <h1 className="text-[15px] font-semibold text-text">{t("board.error.title")}</h1>
      <p className="max-w-md text-[13px] text-muted">{t("board.error.body")}</p>
      <div className="mt-1 flex gap-2">
        <Button variant="primary" size="sm" onClick={reset}>
          {t("board.error.retry")}
        </Button>
        <Link href="/" className={buttonClasses({ variant: "secondary", size: "sm" })}>
          {t("board.removed.back")}
        </Link>
      </div>
    </section>
  );
}
