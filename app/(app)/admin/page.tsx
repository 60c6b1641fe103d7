import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ComingSoon } from "@/components/shell/coming-soon.tsx";
import { ShieldIcon } from "@/components/ui/icons.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { translate, translator } from "@/lib/i18n/index.ts";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "placeholder.admin.title") };
}

export default async function AdminPage() {
  const actor = await requireActor();
  // Like the API: what a user may not see does not exist for them.
  if (!actor.isAdmin) notFound();
  const t = translator(actor.language);
  return <ComingSoon t={t} title={t("placeholder.admin.title")} body={t("placeholder.admin.body")} Icon={ShieldIcon} />;
}
