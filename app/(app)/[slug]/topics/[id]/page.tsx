import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TopicView } from "@/components/topics/topic-view.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { AppError } from "@/lib/errors.ts";
import { listReplies } from "@/lib/topics/replies.ts";
import { getTopic } from "@/lib/topics/topics.ts";

export const dynamic = "force-dynamic";

async function load(slug: string, id: string) {
  const actor = await requireActor();
  try {
    const [page, replies] = await Promise.all([getTopic(actor, slug, id), listReplies(actor, slug, id, { limit: 500 })]);
    return { actor, page, replies: replies.replies };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string; id: string }> }): Promise<Metadata> {
  const { slug, id } = await params;
  const { page } = await load(slug, id);
  return { title: page.topic.title ?? "" };
}

export default async function TopicPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { actor, page, replies } = await load(slug, id);
  return (
    <TopicView
      key={page.topic.id}
      slug={page.project.slug}
      me={{ id: actor.userId }}
      projectId={page.project.id}
      initialTopic={page.topic}
      initialReplies={replies}
      canWrite={page.canWrite}
      canModerate={page.canModerate}
    />
  );
}
