import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Badge } from "@/components/ui/badge.tsx";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords.ts";
import { languageFromHeader, translate } from "@/lib/i18n/index.ts";
import { getInstanceName } from "@/lib/settings/instance-name.ts";
import { hasAnyUser } from "@/lib/users/users.ts";
import { AuthCard } from "../auth-card.tsx";
import { NewAccountForm } from "../new-account-form.tsx";

async function language() {
  return languageFromHeader((await headers()).get("accept-language"));
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await language(), "auth.setup.step") };
}

export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/sign-in");
  const lang = await language();
  const instance = await getInstanceName();
  return (
    <AuthCard
      eyebrow={
        <Badge variant="accent" className="self-start">
          {translate(lang, "auth.setup.step")}
        </Badge>
      }
      title={translate(lang, "auth.setup.title", { instance })}
      subtitle={translate(lang, "auth.setup.subtitle")}
    >
      <NewAccountForm mode="setup" minPasswordLength={MIN_PASSWORD_LENGTH} />
    </AuthCard>
  );
}
