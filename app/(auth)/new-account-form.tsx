"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { MessageKey } from "@/lib/i18n/index.ts";

type FieldName = "email" | "username" | "password" | "confirm";
type Errors = Partial<Record<FieldName, string>>;

const SERVER_FIELD_ERRORS: Record<string, MessageKey> = {
  email: "auth.error.email",
  username: "auth.error.username",
  password: "auth.error.password",
};

/**
 * The form that makes a new account: the first administrator at setup, or a user signing up when an
 * administrator allows it. Both answer 201 and then sign the new account in.
 */
const MODES = {
  setup: { endpoint: "/api/setup", submit: "auth.setup.submit", done: "auth.setup.done" },
  signup: { endpoint: "/api/auth/sign-up", submit: "auth.signUp.submit", done: "auth.signUp.done" },
} as const satisfies Record<string, { endpoint: string; submit: MessageKey; done: MessageKey }>;

export function NewAccountForm({ mode, minPasswordLength }: { mode: keyof typeof MODES; minPasswordLength: number }) {
  const { endpoint, submit, done } = MODES[mode];
  const t = useT();
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function validate(data: Record<FieldName, string>): Errors {
    const e: Errors = {};
    if (!/^\S+@\S+\.\S+$/.test(data.email)) e.email = t("auth.error.email");
    if (!/^[a-zA-Z0-9][a-zA-Z0-9._-]{1,31}$/.test(data.username)) e.username = t("auth.error.username");
    if (data.password.length < minPasswordLength) e.password = t("auth.error.password", { min: minPasswordLength });
    else if (data.confirm !== data.password) e.confirm = t("auth.error.passwordMismatch");
    return e;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const data = Object.fromEntries(
      (["email", "username", "password", "confirm"] as const).map((k) => [k, String(form.get(k) ?? "")]),
    ) as Record<FieldName, string>;
    data.email = data.email.trim();
    data.username = data.username.trim();
    const found = validate(data);
    setErrors(found);
    setFormError(null);
    const first = (Object.keys(found) as FieldName[])[0];
    if (first) {
      document.getElementById(`account-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: data.email, username: data.username, password: data.password }),
      });
      if (mode === "setup" && res.status === 409) {
        toast(t("auth.setup.alreadyDone"));
        router.replace("/sign-in");
        return;
      }
      if (res.status === 409) {
        setErrors({ email: t("auth.error.taken") });
        setBusy(false);
        return;
      }
      if (res.status === 429 || res.status === 404) {
        setFormError(t(res.status === 429 ? "auth.signUp.rateLimited" : "auth.signUp.off"));
        setBusy(false);
        return;
      }
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as {
          error?: { details?: { fields?: Array<{ path: string; message: string }> } };
        } | null;
        const fields = body?.error?.details?.fields ?? [];
        const next: Errors = {};
        for (const f of fields) {
          const key = SERVER_FIELD_ERRORS[f.path];
          if (key) next[f.path as FieldName] = t(key, { min: minPasswordLength });
        }
        if (Object.keys(next).length) setErrors(next);
        else setFormError(t("common.error.generic"));
        setBusy(false);
        return;
      }
      const result = await signIn("credentials", { email: data.email, password: data.password, redirect: false });
      if (!result || result.error) {
        router.replace("/sign-in");
        return;
      }
      toast(t(done), { variant: "success" });
      router.replace("/");
      router.refresh();
    } catch {
      setFormError(t("common.error.network"));
      setBusy(false);
    }
  }

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      <Field label={t("auth.email")} error={errors.email} id="account-email">
        <Input name="email" type="email" autoComplete="email" required autoFocus />
      </Field>
      <Field label={t("auth.username")} error={errors.username} hint={t("auth.hint.username")} id="account-username">
        <Input name="username" autoComplete="username" required maxLength={32} />
      </Field>
      <Field
        label={t("auth.password")}
        error={errors.password}
        hint={t("auth.hint.password", { min: minPasswordLength })}
        id="account-password"
      >
        <Input name="password" type="password" autoComplete="new-password" required />
      </Field>
      <Field label={t("auth.passwordConfirm")} error={errors.confirm} id="account-confirm">
        <Input name="confirm" type="password" autoComplete="new-password" required />
      </Field>
      {formError ? (
        <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
          {formError}
        </p>
      ) : null}
      <Button type="submit" variant="primary" loading={busy} className="mt-1 w-full">
        {t(submit)}
      </Button>
    </form>
  );
}
