import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdminPage } from "@/app/(app)/admin/require-admin.ts";
import { GroupDetail } from "@/components/admin/group-detail.tsx";
import { AppError } from "@/lib/errors.ts";
import { getGroup, listAccessTargets } from "@/lib/users/groups.ts";

export const dynamic = "force-dynamic";

async function load(id: string) {
  const actor = await requireAdminPage();
  try {
    const [group, targets] = await Promise.all([getGroup(actor, id), listAccessTargets(actor)]);
    return { group, targets };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { group } = await load((await params).id);
  return { title: group.name };
}

export default async function AdminGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { group, targets } = await load((await params).id);
  return <GroupDetail key={group.id} group={group} targets={targets} />;
}
