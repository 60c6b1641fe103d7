import type { Metadata } from "next";
import { ApiDocs } from "@/components/api-docs/api-docs.tsx";
import { PageContainer, PageHeader } from "@/components/shell/page-header.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { translate, translator } from "@/lib/i18n/index.ts";
import { openApiDocument } from "@/lib/openapi/spec.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "apiDocs.title") };
}

export default async function ApiDocsPage() {
  const actor = await requireActor();
  const t = translator(actor.language);
  return (
    <PageContainer className="max-w-6xl">
      <PageHeader title={t("apiDocs.title")} description={t("apiDocs.description", { url: "/api/v1/openapi.json" })} />
      <ApiDocs doc={openApiDocument()} t={t} />
    </PageContainer>
  );
}
