"use client";

import { type FormEvent, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { TotpCodeInput } from "@/components/ui/totp-code-input.tsx";
import type { MessageKey } from "@/lib/i18n/index.ts";

const REASONS = new Set([
  "not_configured",
  "unavailable",
  "state",
  "provider",
  "exchange",
  "token",
  "claims",
  "group_not_allowed",
  "domain_not_allowed",
  "sign_up_disabled",
  "email_taken",
  "disabled",
  "locked",
]);

/** Why the last single sign-on failed (from the callback's redirect). */
export function SsoError({ reason }: { reason: string | null }) {
  const t = useT();
  if (!reason) return null;
  const key = (REASONS.has(reason) ? `sso.error.${reason}` : "sso.error.provider") as MessageKey;
  return (
    <p role="alert" className="mb-4 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
      {t(key)}
    </p>
  );
}

/** A plain link (a full navigation to the provider), styled as a button. */
export function SsoButton({
  callbackUrl,
  label,
  primary,
  separated,
}: {
  callbackUrl: string;
  label: string;
  primary: boolean;
  separated: boolean;
}) {
  const t = useT();
  return (
    <div className="flex flex-col gap-4">
      <a
        href={`/api/auth/sso/oidc?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        className={buttonClasses({
          variant: primary ? "primary" : "secondary",
          className: "w-full focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30",
        })}
        data-testid="sso-button"
      >
        <KeyIcon />
        {label || t("sso.signIn.button")}
      </a>
      {separated ? (
        <div className="mb-4 flex items-center gap-3 text-xs uppercase tracking-wide text-muted" aria-hidden="true">
          <span className="h-px flex-1 bg-border" />
          {t("sso.signIn.or")}
          <span className="h-px flex-1 bg-border" />
        </div>
      ) : null}
    </div>
  );
}

function KeyIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <circle cx="7.5" cy="15.5" r="4.5" />
      <path d="m10.7 12.3 9.8-9.8M17 6l3 3M14.5 8.5l2 2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** WarmDesk's own second factor after the identity provider signed the user in. */
export function SsoMfaForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useT();
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").trim();
    if (!code) {
      codeRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/auth/sso/mfa", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ code }),
      });
      if (res.ok) {
        window.location.assign(callbackUrl || "/");
        return;
      }
      const { error: body } = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
      setBusy(false);
      if (body?.code === "mfa_expired") setExpired(true);
      setError(
        t(
          body?.code === "mfa_locked"
            ? "auth.signIn.locked"
            : body?.code === "mfa_expired"
              ? "sso.signIn.mfaExpired"
              : "auth.mfa.invalid",
        ),
      );
      codeRef.current?.select();
    } catch {
      setBusy(false);
      setError(t("common.error.network"));
    }
  }

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      <p className="text-sm text-muted" aria-live="polite">
        {t(useRecovery ? "auth.mfa.recoverySubtitle" : "sso.signIn.mfaSubtitle")}
      </p>
      {error ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      {useRecovery ? (
        <Field label={t("auth.mfa.recoveryCode")} id="sso-recovery">
          <Input
            key="recovery"
            ref={codeRef}
            name="code"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            placeholder="xxxxx-xxxxx"
            className="font-mono tracking-wider"
          />
        </Field>
      ) : (
        <Field label={t("auth.mfa.code")} id="sso-code">
          <TotpCodeInput key="totp" ref={codeRef} autoFocus className="text-base" aria-invalid={error ? true : undefined} />
        </Field>
      )}
      <Button type="submit" variant="primary" loading={busy} disabled={expired} className="mt-1 w-full">
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
        <a
          href="/sign-in"
          className="rounded-sm text-muted hover:text-text hover:underline focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30"
        >
          {t("auth.mfa.back")}
        </a>
      </div>
    </form>
  );
}
