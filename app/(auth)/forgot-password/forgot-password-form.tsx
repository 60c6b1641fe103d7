"use client";

import { type FormEvent, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";

export function ForgotPasswordForm() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      setError(t("system.forgot.invalidEmail"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/password-reset/request", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email }),
      });
      if (res.status === 202) setSent(true);
      else if (res.status === 429) setError(t("system.forgot.rateLimited"));
      else {
        const json = await res.json().catch(() => null);
        const fields: { path: string }[] = json?.error?.details?.fields ?? [];
        setError(
          fields.some((f) => f.path === "email")
            ? t("system.forgot.invalidEmail")
            : /not configured/i.test(json?.error?.message ?? "")
              ? t("system.forgot.notConfigured")
              : t("common.error.generic"),
        );
      }
    } catch {
      setError(t("common.error.network"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div aria-live="polite">
      {sent ? (
        <p role="status" className="rounded-md border border-success/30 bg-success-soft px-3 py-2 text-sm text-success">
          {t("system.forgot.sent")}
        </p>
      ) : (
        <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
          {error ? (
            <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
              {error}
            </p>
          ) : null}
          <Field label={t("auth.email")} id="forgot-email">
            <Input name="email" type="email" autoComplete="email" required autoFocus aria-invalid={error ? true : undefined} />
          </Field>
          <Button type="submit" variant="primary" loading={busy} className="mt-1 w-full">
            {t("system.forgot.submit")}
          </Button>
        </form>
      )}
    </div>
  );
}
