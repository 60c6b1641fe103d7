import type { Metadata } from "next";
import { requireAdminPage } from "@/app/(app)/admin/require-admin.ts";
import { AuditFilters } from "@/components/admin/audit-filters.tsx";
import { AuditTable } from "@/components/admin/audit-table.tsx";
import { PageHeader } from "@/components/shell/page-header.tsx";
import { auditQueryFrom, listAudit } from "@/lib/audit/list.ts";
import { requireActor } from "@/lib/auth/current.ts";
import { AppError } from "@/lib/errors.ts";
import { translate, translator } from "@/lib/i18n/index.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "system.audit.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireAdminPage();
  const t = translator(actor.language);
  const query = auditQueryFrom(await searchParams);
  const { limit: _limit, cursor, ...filters } = query;
  let result: Awaited<ReturnType<typeof listAudit>> | null = null;
  let invalid: string[] | null = null;
  try {
    result = await listAudit(actor, query);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "validation") throw e;
    const fields = (e.details as { fields?: { path: string }[] } | undefined)?.fields ?? [];
    invalid = fields.map((f) => f.path);
  }
  const older = result?.nextCursor
    ? `/admin/audit?${new URLSearchParams({ ...filters, cursor: String(result.nextCursor) })}`
    : null;
  const newest = cursor ? `/admin/audit?${new URLSearchParams(filters)}` : null;
  return (
    <>
      <PageHeader title={t("system.audit.title")} description={t("system.audit.description")} />
      <AuditFilters values={filters} />
      {invalid ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
          {t("system.audit.invalid", { fields: invalid.join(", ") })}
        </p>
      ) : null}
      {result ? <AuditTable rows={result.items} language={actor.language} older={older} newest={newest} /> : null}
    </>
  );
}
