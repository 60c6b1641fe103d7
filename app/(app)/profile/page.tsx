import type { Metadata } from "next";
import { MfaSection } from "@/components/profile/mfa-section.tsx";
import { PageContainer, PageHeader } from "@/components/shell/page-header.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { getDb } from "@/lib/db/client.ts";
import { translate, translator } from "@/lib/i18n/index.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "profile.title") };
}

export default async function ProfilePage() {
  const actor = await requireActor();
  const t = translator(actor.language);
  const db = getDb();
  const [user, recoveryCodesLeft] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { mfaEnabled: true } }),
    db.mfaRecoveryCode.count({ where: { userId: actor.userId, usedAt: null } }),
  ]);
  return (
    <PageContainer className="max-w-4xl">
      <PageHeader title={t("profile.title")} />
      <section aria-labelledby="profile-mfa" className="mt-6 rounded-lg border border-border bg-surface p-5 shadow-sm">
        <h2 id="profile-mfa" className="text-base font-semibold">
          MFA
        </h2>
        <div className="mt-4">
          <MfaSection enabled={user.mfaEnabled} recoveryCodesLeft={recoveryCodesLeft} />
        </div>
      </section>
    </PageContainer>
  );
}
