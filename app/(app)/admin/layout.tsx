import type { ReactNode } from "react";
import { requireAdminPage } from "@/app/(app)/admin/require-admin.ts";
import { AdminNav } from "@/components/admin/admin-nav.tsx";

// The frame of every admin page: the section navigation beside the page. Pages render their own
// <PageHeader> (the h1) and content, not a <PageContainer>. Each page checks admin itself
// too: a layout does not guard route handlers or server actions.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminPage();
  return (
    // Like <PageContainer>, a little wider: the users table has eight columns.
    <div className="mx-auto grid w-full max-w-7xl gap-6 px-4 py-6 sm:px-6 sm:py-8 md:grid-cols-[11rem_minmax(0,1fr)] md:gap-8">
      <AdminNav />
      <div className="flex min-w-0 flex-col gap-6">{children}</div>
    </div>
  );
}
