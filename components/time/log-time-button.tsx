"use client";

// "Log time" on a card: the entry dialog with the card's project, its customer and the customer's
// active contract filled in; from there the user books a duration or starts the timer on the card.
import { useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { Button } from "@/components/ui/button.tsx";
import { ClockIcon } from "@/components/ui/icons.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { localIsoDate } from "@/lib/time/dates.ts";
import { EntryDialog, type EntryDraft } from "./entry-dialog.tsx";
import type { BookingTargets } from "./shared.tsx";

export function LogTimeButton({ projectSlug, cardKey, cardTitle }: { projectSlug: string; cardKey: string; cardTitle: string }) {
  const t = useT();
  const [targets, setTargets] = useState<BookingTargets | null>(null);
  const [draft, setDraft] = useState<EntryDraft | null>(null);

  async function open() {
    const res = await api<BookingTargets>("GET", "/time-entries/targets");
    if (!res.ok) {
      toast(t("common.error.generic"), { variant: "error" });
      return;
    }
    const project = res.data.projects.find((p) => p.slug === projectSlug);
    if (!project) {
      toast(t("time.entry.cannotBookProject"), { variant: "error" });
      return;
    }
    const today = localIsoDate();
    const contracts = (res.data.customers.find((c) => c.slug === project.customer?.slug)?.contracts ?? []).filter(
      (c) => (!c.startDate || c.startDate <= today) && (!c.endDate || c.endDate >= today),
    );
    setTargets(res.data);
    setDraft({
      target: `p:${projectSlug}`,
      cardKey,
      cardTitle,
      contractId: contracts.length === 1 ? contracts[0].id : undefined,
    });
  }

  return (
    <>
      <Button size="sm" variant="secondary" className="mt-3 w-full" onClick={open} data-testid="card-log-time">
        <ClockIcon size={14} />
        {t("time.entry.log")}
      </Button>
      <EntryDialog
        open={draft !== null}
        onOpenChange={(o) => {
          if (!o) setDraft(null);
        }}
        targets={targets}
        draft={draft ?? {}}
        withTimer
      />
    </>
  );
}
