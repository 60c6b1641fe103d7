import type { Metadata } from "next";
import { headers } from "next/headers";
import { requireAdminPage } from "@/app/(app)/admin/require-admin.ts";
import { SettingsForm } from "@/components/admin/settings-form.tsx";
import { SsoSettings } from "@/components/admin/sso-settings.tsx";
import { LogoMark } from "@/components/shell/logo.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { getDb } from "@/lib/db/client.ts";
import { translate } from "@/lib/i18n/index.ts";
import { readSettings } from "@/lib/settings/settings.ts";
import { readSsoSettings } from "@/lib/sso/admin.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "system.settings.title") };
}

export default async function AdminSettingsPage() {
  const actor = await requireAdminPage();
  const h = await headers();
  const requestUrl = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}/admin/settings`;
  const [settings, me, sso, groups] = await Promise.all([
    readSettings(actor),
    getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true } }),
    readSsoSettings(actor, requestUrl),
    getDb().userGroup.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return (
    <>
      <SettingsForm settings={settings} logoPreview={<LogoMark size={44} />} myEmail={me.email} />
      <SsoSettings initial={sso} groups={groups} />
    </>
  );
}
