import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TopicList } from "@/components/topics/topic-list.tsx";
import { requireProject } from "@/lib/auth/access.ts";
import { requireActor } from "@/lib/auth/current.ts";
import { AppError } from "@/lib/errors.ts";
import { translate } from "@/lib/i18n/index.ts";
import { listTopics } from "@/lib/topics/topics.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "topics.title") };
}

export default async function TopicsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const actor = await requireActor();
  const page = Math.max(1, Math.min(100_000, Number.parseInt(String(query.page ?? "1"), 10) || 1));
  try {
    const { project } = await requireProject(actor, slug);
    const list = await listTopics(actor, slug, { page });
    return (
      <TopicList
        project={{ id: project.id, slug: project.slug, name: project.name, key: project.key }}
        topics={list.topics}
        page={list.page}
        pages={Math.max(1, Math.ceil(list.total / list.limit))}
        canPost={list.canPost}
      />
    );
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}
