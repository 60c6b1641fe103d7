import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MessagesView } from "@/components/chat/messages-view.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { getConversation } from "@/lib/conversations/conversations.ts";
import { AppError } from "@/lib/errors.ts";
import { translate } from "@/lib/i18n/index.ts";

export const dynamic = "force-dynamic";

async function load(id: string) {
  const actor = await requireActor();
  try {
    return { actor, conversation: await getConversation(actor, id) };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const { actor } = await load(id);
  return { title: translate(actor.language, "chat.messages.title") };
}

export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, conversation } = await load(id);
  return <MessagesView meId={actor.userId} openId={conversation.id} />;
}
