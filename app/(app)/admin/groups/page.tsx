import type { Metadata } from "next";
import { requireAdminPage } from "@/app/(app)/admin/require-admin.ts";
import { GroupsAdmin } from "@/components/admin/groups-admin.tsx";
import { translate } from "@/lib/i18n/index.ts";
import { listGroups } from "@/lib/users/groups.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireAdminPage();
  return { title: translate(actor.language, "admin.groups.title") };
}

export default async function AdminGroupsPage() {
  const actor = await requireAdminPage();
  const groups = await listGroups(actor);
  return <GroupsAdmin groups={groups.map((g) => ({ ...g, createdAt: g.createdAt.toISOString() }))} />;
}
