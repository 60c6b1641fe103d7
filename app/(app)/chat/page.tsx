import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon.tsx";
import { ChatIcon } from "@/components/ui/icons.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { translate, translator } from "@/lib/i18n/index.ts";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "placeholder.chat.title") };
}

export default async function ChatPage() {
  const actor = await requireActor();
  const t = translator(actor.language);
  return <ComingSoon t={t} title={t("placeholder.chat.title")} body={t("placeholder.chat.body")} Icon={ChatIcon} />;
}
