import type { Metadata } from "next";
import { MessagesView } from "@/components/chat/messages-view.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { translate } from "@/lib/i18n/index.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "chat.messages.title") };
}

export default async function ChatPage() {
  const actor = await requireActor();
  return <MessagesView meId={actor.userId} openId={null} />;
}
