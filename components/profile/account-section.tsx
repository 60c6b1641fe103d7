"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { applyTheme } from "@/components/theme/apply-theme.ts";
import { Button } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { Field, Input } from "@/components/ui/input.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from "@/lib/i18n/locales.ts";
import { savePreferences } from "@/lib/users/preferences-action.ts";
import type { Theme } from "@/lib/users/theme.ts";
import { api } from "./api.ts";

const USERNAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;

const SELECT =
  "h-9 w-full rounded-md border border-border bg-surface px-2 text-sm text-text shadow-sm hover:border-muted/50 focus-visible:border-accent focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30 disabled:cursor-not-allowed disabled:opacity-60";

export function AccountSection({
  username,
  email,
  language,
  theme,
}: {
  username: string;
  email: string;
  language: string;
  theme: Theme;
}) {
  const t = useT();
  const router = useRouter();
  const [name, setName] = useState(username);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [currentTheme, setCurrentTheme] = useState<Theme>(theme);
  const [status, setStatus] = useState("");
  const [pending, startTransition] = useTransition();

  async function onUsername(e: FormEvent) {
    e.preventDefault();
    const value = name.trim();
    if (value.length < 2 || value.length > 32 || !USERNAME.test(value)) {
      setError(t("profile.account.usernameInvalid"));
      return;
    }
    setSaving(true);
    setError(null);
    const result = await api("PATCH", "/me", { username: value });
    setSaving(false);
    if (result.ok) {
      setStatus(t("profile.account.usernameSaved"));
      toast(t("profile.account.usernameSaved"), { variant: "success" });
      router.refresh();
    } else if (result.error.code === "conflict") setError(t("profile.account.usernameTaken"));
    else if (result.error.code === "validation") setError(t("profile.account.usernameInvalid"));
    else toast(t(result.error.code === "network" ? "common.error.network" : "common.error.generic"), { variant: "error" });
  }

  function save(input: { language?: Language; theme?: Theme }) {
    startTransition(async () => {
      const result = await savePreferences(input);
      if (result.ok) {
        // The new language's text arrives with the refreshed layout; announce in it.
        setStatus(t("profile.account.preferencesSaved"));
        router.refresh();
      } else toast(t("common.error.generic"), { variant: "error" });
    });
  }

  function onLanguage(value: string) {
    if (isLanguage(value)) save({ language: value });
  }

  function onTheme(value: Theme) {
    setCurrentTheme(value);
    applyTheme(value);
    save({ theme: value });
  }

  return (
    <SectionCard id="account" title={t("profile.account.title")} description={t("profile.account.description")}>
      <div className="flex flex-col gap-5">
        <form onSubmit={onUsername} className="flex flex-col gap-2 sm:flex-row sm:items-start" noValidate>
          <Field
            label={t("profile.account.username")}
            hint={t("profile.account.usernameHint")}
            error={error}
            className="sm:max-w-sm sm:flex-1"
          >
            <Input
              name="username"
              value={name}
              autoComplete="username"
              maxLength={32}
              onChange={(e) => {
                setName(e.target.value);
                setError(null);
              }}
            />
          </Field>
          <Button type="submit" loading={saving} disabled={name.trim() === username} className="sm:mt-6.5">
            {t("common.save")}
          </Button>
        </form>

        <Field label={t("profile.account.email")} hint={t("profile.account.emailHint")} className="sm:max-w-sm">
          <Input value={email} readOnly type="email" className="bg-surface-2 text-muted" />
        </Field>

        <div className="grid gap-5 sm:grid-cols-2">
          <Field label={t("profile.account.language")}>
            <select className={SELECT} value={language} disabled={pending} onChange={(e) => onLanguage(e.target.value)}>
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </select>
          </Field>

          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 text-[13px] font-medium text-text">{t("profile.account.theme")}</legend>
            <div className="inline-flex w-fit rounded-md border border-border bg-surface-2 p-0.5">
              {(["light", "dark", "system"] as const).map((value) => (
                <label
                  key={value}
                  className={cn(
                    "cursor-pointer rounded px-3 py-1 text-sm text-muted has-[:focus-visible]:ring-3 has-[:focus-visible]:ring-ring/30",
                    currentTheme === value && "bg-surface font-medium text-text shadow-sm",
                  )}
                >
                  <input
                    type="radio"
                    name="theme"
                    value={value}
                    checked={currentTheme === value}
                    onChange={() => onTheme(value)}
                    className="sr-only"
                  />
                  {t(`theme.${value}`)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <p aria-live="polite" className="sr-only">
          {status}
        </p>
      </div>
    </SectionCard>
  );
}
