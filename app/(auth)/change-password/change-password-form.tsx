"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";

type Errors = Partial<Record<"current" | "next" | "confirm", string>>;

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const t = useT();
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    const next: Errors = {};
    if (!currentPassword) next.current = t("auth.error.required");
    if (newPassword.length < minLength) next.next = t("auth.error.password", { min: minLength });
    else if (newPassword === currentPassword) next.next = t("auth.changePassword.same");
    if (confirm !== newPassword) next.confirm = t("auth.error.passwordMismatch");
    setErrors(next);
    setAlert(null);
    if (Object.keys(next).length) {
      const first = next.current ? "cp-current" : next.next ? "cp-new" : "cp-confirm";
      document.getElementById(first)?.focus();
      return;
    }
    setBusy(true);
    const result = await api("POST", "/me/password", { currentPassword, newPassword });
    if (result.ok) {
      window.location.assign("/");
      return;
    }
    setBusy(false);
    if (result.error.fields.includes("currentPassword")) {
      setErrors({ current: t("auth.changePassword.wrong") });
      document.getElementById("cp-current")?.focus();
    } else if (result.error.fields.includes("newPassword")) {
      setErrors({ next: t("auth.error.password", { min: minLength }) });
      document.getElementById("cp-new")?.focus();
    } else setAlert(t(result.error.code === "network" ? "common.error.network" : "common.error.generic"));
  }

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {alert ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
          {alert}
        </p>
      ) : null}
      <Field label={t("auth.changePassword.current")} id="cp-current" error={errors.current}>
        <Input name="currentPassword" type="password" autoComplete="current-password" required autoFocus />
      </Field>
      <Field
        label={t("auth.changePassword.new")}
        id="cp-new"
        hint={t("auth.hint.password", { min: minLength })}
        error={errors.next}
      >
        <Input name="newPassword" type="password" autoComplete="new-password" required minLength={minLength} />
      </Field>
      <Field label={t("auth.changePassword.confirm")} id="cp-confirm" error={errors.confirm}>
        <Input name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      <Button type="submit" variant="primary" loading={busy} className="mt-1 w-full">
        {t("auth.changePassword.submit")}
      </Button>
      <Button
        type="button"
        variant="ghost"
        className="w-full"
        onClick={async () => {
          // No redirect by next-auth: its absolute URL depends on NEXTAUTH_URL, which self-hosters may not set.
          await signOut({ redirect: false });
          router.replace("/sign-in");
          router.refresh();
        }}
      >
        {t("auth.changePassword.signOut")}
      </Button>
    </form>
  );
}
