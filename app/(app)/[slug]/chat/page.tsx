import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Channel } from "@/components/chat/channel.tsx";
import { requireProject } from "@/lib/auth/access.ts";
import { requireActor } from "@/lib/auth/current.ts";
import { redirectRenamedProject } from "@/lib/boards/slug-redirect.ts";
import { AppError } from "@/lib/errors.ts";
import { translate, translator } from "@/lib/i18n/index.ts";

export const dynamic = "force-dynamic";

async function load(slug: string) {
  const actor = await requireActor();
  try {
    return { actor, ...(await requireProject(actor, slug)) };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const { actor, project } = await load(slug);
  return { title: translate(actor.language, "chat.projectTitle", { project: project.name }) };
}

export default async function ProjectChatPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, project, role } = await load(slug);
  await redirectRenamedProject(actor, slug, "/chat");
  const t = translator(actor.language);
  return (
    <div className="flex h-[calc(100dvh-3rem)] flex-col">
      <div className="flex items-center gap-3 border-b border-border px-4 py-2">
        <Link href={`/${project.slug}`} className="text-sm text-muted hover:text-text">
          {project.name}
        </Link>
        <span className="text-muted">/</span>
        <h1 className="text-sm font-semibold">{t("chat.title")}</h1>
      </div>
      <Channel
        room={`project:${project.id}`}
        api={`/api/v1/projects/${project.slug}/messages`}
        readApi={`/api/v1/projects/${project.slug}/messages/read`}
        events={{ message: "chat.message", updated: "chat.updated" }}
        meId={actor.userId}
        label={t("chat.projectTitle", { project: project.name })}
        canPost={role !== "viewer" && !project.isArchived}
        project={{ slug: project.slug, key: project.key }}
      />
    </div>
  );
}
