import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon.tsx";
import { ClockIcon } from "@/components/ui/icons.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { translate, translator } from "@/lib/i18n/index.ts";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "placeholder.time.title") };
}

export default async function TimePage() {
  const actor = await requireActor();
  const t = translator(actor.language);
  return <ComingSoon t={t} title={t("placeholder.time.title")} body={t("placeholder.time.body")} Icon={ClockIcon} />;
}
