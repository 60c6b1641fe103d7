import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { isResetTokenUsable } from "@/lib/auth/password-reset.ts";
import { translate } from "@/lib/i18n/index.ts";
import { visitorLanguage } from "@/lib/settings/language.ts";
import { AuthCard } from "../auth-card.tsx";
import { ResetPasswordForm } from "./reset-password-form.tsx";

export const dynamic = "force-dynamic";

async function language() {
  return visitorLanguage((await headers()).get("accept-language"));
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await language(), "system.reset.title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const lang = await language();
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const usable = await isResetTokenUsable(token);
  return (
    <>
      <AuthCard
        title={translate(lang, "system.reset.title")}
        subtitle={usable ? translate(lang, "system.reset.subtitle") : undefined}
      >
        {usable ? (
          <ResetPasswordForm token={token} />
        ) : (
          <div className="flex flex-col gap-4">
            <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
              {translate(lang, "system.reset.invalid")}
            </p>
            <Link href="/forgot-password" className="text-sm text-accent hover:underline">
              {translate(lang, "system.reset.requestNew")}
            </Link>
          </div>
        )}
      </AuthCard>
      <Link href="/sign-in" className="text-sm text-accent hover:underline">
        {translate(lang, "system.forgot.backToSignIn")}
      </Link>
    </>
  );
}
