import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImportView } from "@/components/import/import-view.tsx";
import { PageContainer } from "@/components/shell/page-header.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { getProject } from "@/lib/boards/projects.ts";
import { redirectRenamedProject } from "@/lib/boards/slug-redirect.ts";
import { AppError } from "@/lib/errors.ts";
import { translate } from "@/lib/i18n/index.ts";

export const dynamic = "force-dynamic";

async function load(slug: string) {
  const actor = await requireActor();
  try {
    return { actor, project: await getProject(actor, slug) };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const { actor, project } = await load(slug);
  return { title: `${translate(actor.language, "imports.title")} · ${project.name}` };
}

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, project } = await load(slug);
  await redirectRenamedProject(actor, slug, "/import");
  return (
    <PageContainer className="max-w-5xl">
      <ImportView
        project={{ slug: project.slug, name: project.name, key: project.key }}
        canImport={project.role === "admin" && !project.isArchived}
      />
    </PageContainer>
  );
}
