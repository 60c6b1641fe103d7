import type { Metadata } from "next";
import { CustomerList } from "@/components/customers/customer-list.tsx";
import { PageContainer } from "@/components/shell/page-header.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { listCustomers } from "@/lib/customers/customers.ts";
import { translate } from "@/lib/i18n/index.ts";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "customers.title") };
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ archived?: string | string[] }> }) {
  const [actor, query] = await Promise.all([requireActor(), searchParams]);
  const showArchived = query.archived === "1";
  const customers = await listCustomers(actor, { includeArchived: showArchived, withContracts: true });
  return (
    <PageContainer>
      <CustomerList customers={customers} showArchived={showArchived} />
    </PageContainer>
  );
}
