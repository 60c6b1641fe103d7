import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current.ts";
import { safeReturnPath } from "@/lib/http/return-url.ts";
import { translate } from "@/lib/i18n/index.ts";
import { getInstanceName } from "@/lib/settings/instance-name.ts";
import { visitorLanguage } from "@/lib/settings/language.ts";
import { signInOptions } from "@/lib/sso/settings.ts";
import { isSignUpAllowed } from "@/lib/users/signup.ts";
import { hasAnyUser } from "@/lib/users/users.ts";
import { AuthCard, AuthFooterLink } from "../auth-card.tsx";
import { SignInForm } from "./sign-in-form.tsx";
import { SsoButton, SsoError, SsoMfaForm } from "./sso.tsx";

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
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await currentActor()) redirect(callbackUrl);
  const lang = await language();
  const [instance, signUp, sso] = await Promise.all([getInstanceName(), isSignUpAllowed(), signInOptions()]);
  if (params.sso === "mfa") {
    return (
      <AuthCard title={translate(lang, "auth.mfa.title")}>
        <SsoMfaForm callbackUrl={callbackUrl} />
      </AuthCard>
    );
  }
  // "SSO only" hides the password form unless the directory needs it; the break-glass
  // administrator reaches it at /sign-in?local=1 (as Grafana's disable_login_form does).
  const local = params.local === "1";
  const passwordForm = sso.passwordSignIn || sso.ldap || local || !sso.oidc;
  return (
    <AuthCard title={translate(lang, "auth.signIn.title")} subtitle={translate(lang, "auth.signIn.subtitle", { instance })}>
      <SsoError reason={typeof params.sso_error === "string" ? params.sso_error : null} />
      {sso.oidc ? (
        <SsoButton callbackUrl={callbackUrl} label={sso.oidc.buttonLabel} primary={!passwordForm} separated={passwordForm} />
      ) : null}
      {passwordForm ? (
        <SignInForm
          callbackUrl={callbackUrl}
          identifier={sso.ldap ? "emailOrUsername" : "email"}
          showForgot={sso.passwordSignIn}
          notice={!sso.passwordSignIn && local && !sso.ldap ? translate(lang, "sso.signIn.localOnly") : null}
        />
      ) : null}
      {signUp && sso.passwordSignIn ? (
        <AuthFooterLink href="/sign-up">{translate(lang, "auth.signUp.link")}</AuthFooterLink>
      ) : null}
    </AuthCard>
  );
}
