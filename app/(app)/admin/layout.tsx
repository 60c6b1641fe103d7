import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav.tsx";
import { PageContainer } from "@/components/shell/page-header.tsx";
import { requireActor } from "@/lib/auth/current.ts";

// The frame of every admin page: the section navigation beside the page. Pages render their own
// <PageHeader> (the h1) and content, not another <PageContainer>. Each page checks admin itself
// too: a layout does not guard route handlers or server actions.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  if (!actor.isAdmin) notFound();
  return (
    <PageContainer className="grid gap-6 md:grid-cols-[11rem_minmax(0,1fr)] md:gap-8">
      <AdminNav />
      <div className="flex min-w-0 flex-col gap-6">{children}</div>
    </PageContainer>
  );
}
