import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ReportsView } from "@/components/scrum/reports-view.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { getProject } from "@/lib/boards/projects.ts";
import { redirectRenamedProject } from "@/lib/boards/slug-redirect.ts";
import { AppError } from "@/lib/errors.ts";
import { translate } from "@/lib/i18n/index.ts";
import { getVelocity } from "@/lib/scrum/reports.ts";
import { listSprints } from "@/lib/scrum/sprints.ts";

export const dynamic = "force-dynamic";

/** The project, its started sprints and the velocity; the burndown loads in the browser (its time zone). */
async function load(slug: string) {
  const actor = await requireActor();
  try {
    const [project, sprints, velocity] = await Promise.all([
      getProject(actor, slug),
      listSprints(actor, slug, { status: ["active", "closed"] }),
      getVelocity(actor, slug),
    ]);
    return { actor, project, sprints, velocity };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    if (e instanceof AppError && e.code === "conflict") redirect(`/${encodeURIComponent(slug)}`);
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const { actor, project } = await load(slug);
  return { title: `${translate(actor.language, "scrum.reports.title")} · ${project.name}` };
}

export default async function ReportsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, project, sprints, velocity } = await load(slug);
  await redirectRenamedProject(actor, slug, "/reports");
  return <ReportsView key={project.id} project={project} sprints={sprints} velocity={velocity} />;
}
