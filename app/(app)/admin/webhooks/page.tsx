import type { Metadata } from "next";
import { requireAdminPage } from "@/app/(app)/admin/require-admin.ts";
import { OutboundAdmin } from "@/components/admin/outbound-admin.tsx";
import { translate } from "@/lib/i18n/index.ts";
import { listOutboundWebhooks } from "@/lib/webhooks/outbound.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireAdminPage();
  return { title: translate(actor.language, "outbound.title") };
}

export default async function AdminWebhooksPage() {
  const actor = await requireAdminPage();
  return <OutboundAdmin initial={await listOutboundWebhooks(actor)} />;
}
