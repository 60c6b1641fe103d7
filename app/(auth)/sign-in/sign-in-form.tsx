"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { type FormEvent, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { TotpCodeInput } from "@/components/ui/totp-code-input.tsx";
import { safeReturnPath } from "@/lib/http/return-url.ts";

type Step = "password" | "code";

export function SignInForm({
  callbackUrl,
  identifier = "email",
  showForgot = true,
  notice = null,
}: {
  callbackUrl: string;
  /** With an LDAP directory, people sign in with their directory username too. */
  identifier?: "email" | "emailOrUsername";
  showForgot?: boolean;
  notice?: string | null;
}) {
  const t = useT();
  const [step, setStep] = useState<Step>("password");
  const [useRecovery, setUseRecovery] = useState(false);
  const [credentials, setCredentials] = useState({ email: "", password: "" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  async function attempt(email: string, password: string, code?: string) {
    setError(null);
    setBusy(true);
    try {
      const result = await signIn("credentials", { email, password, ...(code ? { code } : {}), redirect: false });
      if (result && !result.error) {
        // A full load: the root layout then renders with the user's own language and theme.
        window.location.assign(safeReturnPath(callbackUrl));
        return;
      }
      setBusy(false);
      const reason = result?.error ?? "";
      if (reason === "MFA_REQUIRED") {
        // The password was right: ask for the second factor.
        setCredentials({ email, password });
        setStep("code");
        return;
      }
      if (reason === "MFA_INVALID") {
        setError(t(useRecovery ? "auth.mfa.recoveryInvalid" : "auth.mfa.invalid"));
        codeRef.current?.select();
        return;
      }
      // One message for every other failure: it must not tell whether the email exists.
      setError(
        t(
          reason === "LOCKED"
            ? "auth.signIn.locked"
            : reason === "DIRECTORY_UNAVAILABLE"
              ? "sso.signIn.directoryUnavailable"
              : "auth.signIn.failed",
        ),
      );
      if (step === "code") {
        setStep("password");
        setCredentials({ email, password: "" });
      } else passwordRef.current?.select();
    } catch {
      setError(t("common.error.network"));
      setBusy(false);
    }
  }

  function onPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void attempt(String(form.get("email") ?? "").trim(), String(form.get("password") ?? ""));
  }

  function onCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!code) {
      codeRef.current?.focus();
      return;
    }
    void attempt(credentials.email, credentials.password, code);
  }

  const alert = error ? (
    <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
      {error}
    </p>
  ) : null;

  if (step === "code") {
    return (
      <form method="post" noValidate onSubmit={onCode} className="flex flex-col gap-4" aria-labelledby="signin-mfa-title">
        <div className="flex flex-col gap-1">
          <h2 id="signin-mfa-title" className="text-sm font-semibold">
            {t("auth.mfa.title")}
          </h2>
          <p className="text-sm text-muted" aria-live="polite">
            {t(useRecovery ? "auth.mfa.recoverySubtitle" : "auth.mfa.subtitle")}
          </p>
        </div>
        {alert}
        {useRecovery ? (
          <Field label={t("auth.mfa.recoveryCode")} id="signin-recovery">
            <Input
              key="recovery"
              ref={codeRef}
              name="code"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              required
              placeholder="xxxxx-xxxxx"
              className="font-mono tracking-wider"
              aria-invalid={error ? true : undefined}
            />
          </Field>
        ) : (
          <Field label={t("auth.mfa.code")} id="signin-code">
            <TotpCodeInput key="totp" ref={codeRef} autoFocus className="text-base" aria-invalid={error ? true : undefined} />
          </Field>
        )}
        <Button type="submit" variant="primary" loading={busy} className="mt-1 w-full">
          {t("auth.mfa.verify")}
        </Button>
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <button
            type="button"
            className="rounded-sm text-accent hover:underline focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setError(null);
            }}
          >
            {t(useRecovery ? "auth.mfa.useApp" : "auth.mfa.useRecovery")}
          </button>
          <button
            type="button"
            className="rounded-sm text-muted hover:text-text hover:underline focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30"
            onClick={() => {
              setStep("password");
              setUseRecovery(false);
              setError(null);
              setCredentials({ email: credentials.email, password: "" });
            }}
          >
            {t("auth.mfa.back")}
          </button>
        </div>
      </form>
    );
  }

  return (
    <form method="post" noValidate onSubmit={onPassword} className="flex flex-col gap-4">
      {notice ? <p className="text-sm text-muted">{notice}</p> : null}
      {alert}
      <Field label={t(identifier === "email" ? "auth.email" : "sso.signIn.identifier")} id="signin-email">
        <Input
          name="email"
          type={identifier === "email" ? "email" : "text"}
          autoCapitalize="none"
          spellCheck={false}
          autoComplete="username"
          required
          autoFocus
          defaultValue={credentials.email}
          aria-invalid={error ? true : undefined}
        />
      </Field>
      <Field
        label={t("auth.password")}
        id="signin-password"
        aside={
          showForgot ? (
            <Link
              href="/forgot-password"
              className="rounded-sm text-xs text-accent hover:underline focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30"
            >
              {t("auth.signIn.forgot")}
            </Link>
          ) : null
        }
      >
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
