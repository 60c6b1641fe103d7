import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current.ts";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords.ts";
import { translate } from "@/lib/i18n/index.ts";
import { AuthCard } from "../auth-card.tsx";
import { ChangePasswordForm } from "./change-password-form.tsx";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await currentActor();
  return { title: translate(actor?.language ?? "en", "auth.changePassword.title") };
}

/** Where a user whose password must be changed (a temporary one from an administrator) lands. */
export default async function ChangePasswordPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (!actor.mustChangePassword) redirect("/");
  const lang = actor.language;
  return (
    <AuthCard title={translate(lang, "auth.changePassword.title")} subtitle={translate(lang, "auth.changePassword.subtitle")}>
      <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH} />
    </AuthCard>
  );
}
