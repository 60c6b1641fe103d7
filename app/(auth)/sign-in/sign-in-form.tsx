"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setError(null);
    setBusy(true);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        // One message for every failure: it must not tell whether the email exists.
        setError(t("auth.signIn.failed"));
        setBusy(false);
        passwordRef.current?.select();
        return;
      }
      router.replace(callbackUrl || "/");
      router.refresh();
    } catch {
      setError(t("common.error.network"));
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {error ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <Field label={t("auth.email")} id="signin-email">
        <Input name="email" type="email" autoComplete="username" required autoFocus aria-invalid={error ? true : undefined} />
      </Field>
      <Field label={t("auth.password")} id="signin-password">
        <Input
          ref={passwordRef}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error ? true : undefined}
        />
      </Field>
      <Button type="submit" variant="primary" loading={busy} className="mt-1 w-full">
        {t("auth.signIn.submit")}
      </Button>
    </form>
  );
}
