import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current.ts";
import { safeReturnPath } from "@/lib/http/return-url.ts";
import { translate } from "@/lib/i18n/index.ts";
import { getInstanceName } from "@/lib/settings/instance-name.ts";
import { visitorLanguage } from "@/lib/settings/language.ts";
import { isSignUpAllowed } from "@/lib/users/signup.ts";
import { hasAnyUser } from "@/lib/users/users.ts";
import { AuthCard, AuthFooterLink } from "../auth-card.tsx";
import { SignInForm } from "./sign-in-form.tsx";

async function language() {
  return visitorLanguage((await headers()).get("accept-language"));
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await language(), "auth.signIn.title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await hasAnyUser())) redirect("/setup");
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  const lang = await language();
  const [instance, signUp] = await Promise.all([getInstanceName(), isSignUpAllowed()]);
  return (
    <AuthCard title={translate(lang, "auth.signIn.title")} subtitle={translate(lang, "auth.signIn.subtitle", { instance })}>
      <SignInForm callbackUrl={callbackUrl} />
      {signUp ? <AuthFooterLink href="/sign-up">{translate(lang, "auth.signUp.link")}</AuthFooterLink> : null}
    </AuthCard>
  );
}
