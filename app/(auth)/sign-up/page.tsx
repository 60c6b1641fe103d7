import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current.ts";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords.ts";
import { translate } from "@/lib/i18n/index.ts";
import { getInstanceName } from "@/lib/settings/instance-name.ts";
import { visitorLanguage } from "@/lib/settings/language.ts";
import { isSignUpAllowed } from "@/lib/users/signup.ts";
import { hasAnyUser } from "@/lib/users/users.ts";
import { AuthCard, AuthFooterLink } from "../auth-card.tsx";
import { NewAccountForm } from "../new-account-form.tsx";

async function language() {
  return visitorLanguage((await headers()).get("accept-language"));
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await language(), "auth.signUp.title") };
}

export default async function SignUpPage() {
  if (!(await hasAnyUser())) redirect("/setup");
  // Off (the default), the page does not exist, like the endpoint.
  if (!(await isSignUpAllowed())) notFound();
  if (await currentActor()) redirect("/");
  const lang = await language();
  const instance = await getInstanceName();
  return (
    <AuthCard title={translate(lang, "auth.signUp.title")} subtitle={translate(lang, "auth.signUp.subtitle", { instance })}>
      <NewAccountForm mode="signup" minPasswordLength={MIN_PASSWORD_LENGTH} />
      <AuthFooterLink href="/sign-in">{translate(lang, "auth.signUp.haveAccount")}</AuthFooterLink>
    </AuthCard>
  );
}
