import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { BacklogView } from "@/components/scrum/backlog-view.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { redirectRenamedProject } from "@/lib/boards/slug-redirect.ts";
import { AppError } from "@/lib/errors.ts";
import { translate } from "@/lib/i18n/index.ts";
import { getBacklog } from "@/lib/scrum/planning.ts";

export const dynamic = "force-dynamic";

/** The backlog, or: unknown project → 404, kanban project → its board. */
async function load(slug: string) {
  const actor = await requireActor();
  try {
    return { actor, backlog: await getBacklog(actor, slug) };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError && e.code === "conflict") redirect(`/${encodeURIComponent(slug)}`);
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const { actor, backlog } = await load(slug);
  return { title: `${translate(actor.language, "scrum.backlog.title")} · ${backlog.project.name}` };
}

export default async function BacklogPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, backlog } = await load(slug);
  await redirectRenamedProject(actor, slug, "/backlog");
  return <BacklogView key={backlog.project.id} initial={backlog} me={{ id: actor.userId }} />;
}
