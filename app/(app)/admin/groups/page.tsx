import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GroupsAdmin } from "@/components/admin/groups-admin.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { translate } from "@/lib/i18n/index.ts";
import { listGroups } from "@/lib/users/groups.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  return { title: translate(actor.language, "admin.groups.title") };
}

export default async function AdminGroupsPage() {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  const groups = await listGroups(actor);
  return <GroupsAdmin groups={groups.map((g) => ({ ...g, createdAt: g.createdAt.toISOString() }))} />;
}
