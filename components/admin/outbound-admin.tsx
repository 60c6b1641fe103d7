"use client";

// Administration: the instance's outbound webhooks (every project's events, every contract's alerts).
import { useT } from "@/components/i18n-provider.tsx";
import { PageHeader } from "@/components/shell/page-header.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { type OutboundHook, OutboundWebhooks } from "@/components/webhooks/outbound-webhooks.tsx";
import { AdminPage } from "./shared.tsx";

export function OutboundAdmin({ initial }: { initial: OutboundHook[] }) {
  const t = useT();
  return (
    <AdminPage>
      <PageHeader title={t("outbound.title")} description={t("outbound.adminDescription")} />
      <SectionCard id="admin-outbound" title={t("outbound.title")} description={t("outbound.description")}>
        <OutboundWebhooks base="/admin/outbound-webhooks" initial={initial} canEdit headingId="admin-outbound-title" />
      </SectionCard>
    </AdminPage>
  );
}
