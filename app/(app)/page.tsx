import type { Metadata } from "next";
import { ProjectList, type ProjectSummary } from "@/components/projects/project-list.tsx";
import { PageContainer } from "@/components/shell/page-header.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { listProjects } from "@/lib/boards/projects.ts";
import { translate } from "@/lib/i18n/index.ts";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "projects.title") };
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<{ archived?: string | string[] }> }) {
  const [actor, query] = await Promise.all([requireActor(), searchParams]);
  const projects: ProjectSummary[] = (await listProjects(actor, { includeArchived: true })).map((p) => ({
    id: p.id,
    name: p.name,
    slug: p.slug,
    key: p.key,
    type: p.type,
    color: p.color,
    cardCount: p.cardCount,
    isArchived: p.isArchived,
    isMember: p.isMember,
    customer: p.customer ? { name: p.customer.name } : null,
  }));
  return (
    <PageContainer>
      <ProjectList projects={projects} showArchived={query.archived === "1"} />
    </PageContainer>
  );
}
