"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";

const MIN = 10;

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<{ field: "password" | "confirm" | null; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const confirm = String(form.get("confirm") ?? "");
    if (password.length < MIN) return setError({ field: "password", text: t("system.reset.tooShort") });
    if (password !== confirm) return setError({ field: "confirm", text: t("system.reset.mismatch") });
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/password-reset/confirm", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, password }),
      });
      if (res.ok) setDone(true);
      else {
        const json = await res.json().catch(() => null);
        const fields: { path: string }[] = json?.error?.details?.fields ?? [];
        setError(
          fields.some((f) => f.path === "password")
            ? { field: "password", text: t("system.reset.tooShort") }
            : { field: null, text: t(res.status === 400 ? "system.reset.invalid" : "common.error.generic") },
        );
      }
    } catch {
      setError({ field: null, text: t("common.error.network") });
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <div className="flex flex-col gap-4" aria-live="polite">
        <p role="status" className="rounded-md border border-success/30 bg-success-soft px-3 py-2 text-sm text-success">
          {t("system.reset.done")}
        </p>
        <Link href="/sign-in" className={buttonClasses({ variant: "primary", className: "w-full" })}>
          {t("system.reset.signIn")}
        </Link>
      </div>
    );
  }
  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {error && !error.field ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
          {error.text}
        </p>
      ) : null}
      <Field label={t("system.reset.password")} id="reset-password" error={error?.field === "password" ? error.text : undefined}>
        <Input name="password" type="password" autoComplete="new-password" minLength={MIN} required autoFocus />
      </Field>
      <Field label={t("system.reset.confirm")} id="reset-confirm" error={error?.field === "confirm" ? error.text : undefined}>
        <Input name="confirm" type="password" autoComplete="new-password" minLength={MIN} required />
      </Field>
      <Button type="submit" variant="primary" loading={busy} className="mt-1 w-full">
        {t("system.reset.submit")}
      </Button>
    </form>
  );
}
