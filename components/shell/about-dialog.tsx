"use client";

import { useT } from "@/components/i18n-provider.tsx";
import { Dialog, DialogContent } from "@/components/ui/dialog.tsx";
import { VERSION } from "@/lib/version.ts";

/** Help → About: the version (the same as `warmdesk --version` and GET /api/health), the licence. */
export function AboutDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={t("about.title")} size="sm">
        <div className="flex flex-col gap-3 px-5 pb-5 text-sm text-text">
          <p className="font-mono text-base font-semibold" data-testid="about-version">
            {t("about.version", { version: VERSION })}
          </p>
          <p>{t("about.description")}</p>
          <p className="text-muted">{t("about.license")}</p>
          <p className="text-muted">{t("about.changelog")}</p>
        </div>
      </DialogContent>
    </Dialog>
  );
}
