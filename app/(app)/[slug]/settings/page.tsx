import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ProjectSettings } from "@/components/project-settings/project-settings.tsx";
import { PageContainer } from "@/components/shell/page-header.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { listLabels } from "@/lib/boards/labels.ts";
import { listGrantableGroups, listMembers, listProjectGroups } from "@/lib/boards/members.ts";
import { getProject } from "@/lib/boards/projects.ts";
import { redirectRenamedProject } from "@/lib/boards/slug-redirect.ts";
import { AppError } from "@/lib/errors.ts";
import { translate } from "@/lib/i18n/index.ts";
import { getDoneColumns } from "@/lib/scrum/planning.ts";
import { listOutboundWebhooks } from "@/lib/webhooks/outbound.ts";
import { listWebhooks } from "@/lib/webhooks/webhooks.ts";

export const dynamic = "force-dynamic";

/** The origin the browser used (APP_URL, when set, wins inside webhookUrl). */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

async function load(slug: string) {
  const actor = await requireActor();
  try {
    const project = await getProject(actor, slug);
    const [members, groups, labels, doneColumns] = await Promise.all([
      listMembers(actor, slug),
      listProjectGroups(actor, slug),
      listLabels(actor, slug),
      getDoneColumns(actor, slug),
    ]);
    // Only admins of a live project may grant groups; the others see the settings read-only.
    const grantable = project.role === "admin" && !project.isArchived ? await listGrantableGroups(actor, slug) : [];
    const webhooks = project.role === "admin" ? await listWebhooks(actor, slug, await requestOrigin()) : null;
    const outbound = project.role === "admin" ? await listOutboundWebhooks(actor, slug).catch(() => []) : null;
    return { actor, project, members, groups, labels, grantable, doneColumns, webhooks, outbound };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const { actor, project } = await load(slug);
  return { title: `${translate(actor.language, "projects.settings.title")} · ${project.name}` };
}

export default async function ProjectSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { actor, project, members, groups, labels, grantable, doneColumns, webhooks, outbound } = await load(slug);
  await redirectRenamedProject(actor, slug, "/settings");
  return (
    <PageContainer className="max-w-4xl">
      <ProjectSettings
        key={project.id}
        project={project}
        members={members}
        groups={groups}
        labels={labels}
        grantable={grantable}
        doneColumns={doneColumns}
        webhooks={webhooks}
        outbound={outbound}
        me={actor.username}
      />
    </PageContainer>
  );
}
