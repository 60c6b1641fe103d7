import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { translate } from "@/lib/i18n/index.ts";
import { visitorLanguage } from "@/lib/settings/language.ts";
import { getSettings, isSmtpConfigured } from "@/lib/settings/settings.ts";
import { AuthCard } from "../auth-card.tsx";
import { ForgotPasswordForm } from "./forgot-password-form.tsx";

export const dynamic = "force-dynamic";

async function language() {
  return visitorLanguage((await headers()).get("accept-language"));
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await language(), "system.forgot.title") };
}

export default async function ForgotPasswordPage() {
  const lang = await language();
  const configured = isSmtpConfigured(await getSettings());
  return (
    <>
      <AuthCard
        title={translate(lang, "system.forgot.title")}
        subtitle={configured ? translate(lang, "system.forgot.subtitle") : undefined}
      >
        {configured ? (
          <ForgotPasswordForm />
        ) : (
          <p role="note" className="rounded-md border border-border bg-surface-2 px-3 py-2 text-sm text-muted">
            {translate(lang, "system.forgot.notConfigured")}
          </p>
        )}
      </AuthCard>
      <Link href="/sign-in" className="text-sm text-accent hover:underline">
        {translate(lang, "system.forgot.backToSignIn")}
      </Link>
    </>
  );
}
