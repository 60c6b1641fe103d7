import type { Metadata } from "next";
import { requireAdminPage } from "@/app/(app)/admin/require-admin.ts";
import { UsersAdmin } from "@/components/admin/users-admin.tsx";
import { AppError } from "@/lib/errors.ts";
import { translate } from "@/lib/i18n/index.ts";
import { listUsers } from "@/lib/users/admin.ts";

export const dynamic = "force-dynamic";

type Search = { q?: string | string[]; status?: string | string[]; page?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireAdminPage();
  return { title: translate(actor.language, "admin.users.title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAdminPage();
  const params = await searchParams;
  const filters = { q: one(params.q), status: one(params.status), page: one(params.page) };
  let result: Awaited<ReturnType<typeof listUsers>>;
  try {
    result = await listUsers(actor, filters);
  } catch (e) {
    // A hand-edited URL with an unknown filter shows the default list rather than an error page.
    if (!(e instanceof AppError && e.code === "validation")) throw e;
    result = await listUsers(actor, {});
    filters.status = undefined;
    filters.page = undefined;
  }
  return (
    <UsersAdmin
      users={result.users.map((u) => ({
        ...u,
        createdAt: u.createdAt.toISOString(),
        lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
        deletedAt: u.deletedAt?.toISOString() ?? null,
      }))}
      total={result.total}
      page={result.page}
      pageSize={result.pageSize}
      q={filters.q ?? ""}
      status={filters.status ?? ""}
      meId={actor.userId}
    />
  );
}
