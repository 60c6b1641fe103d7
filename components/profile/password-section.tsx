"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { MessageKey } from "@/lib/i18n/index.ts";
import { api } from "./api.ts";

type Errors = { current?: string; next?: string; confirm?: string };

export function PasswordSection({ username, minLength }: { username: string; minLength: number }) {
  const t = useT();
  const router = useRouter();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const found: Errors = {};
    if (!current) found.current = t("profile.password.wrong");
    if (next.length < minLength) found.next = t("profile.password.tooShort", { min: minLength });
    else if (next === current) found.next = t("profile.password.same");
    if (confirm !== next) found.confirm = t("profile.password.mismatch");
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    const result = await api("POST", "/me/password", { currentPassword: current, newPassword: next });
    setBusy(false);
    if (result.ok) {
      setCurrent("");
      setNext("");
      setConfirm("");
      setStatus(t("profile.password.changed"));
      toast(t("profile.password.changed"), { variant: "success" });
      router.refresh();
      return;
    }
    if (result.error.fields.includes("currentPassword")) setErrors({ current: t("profile.password.wrong") });
    else if (result.error.fields.includes("newPassword")) setErrors({ next: t("profile.password.tooShort", { min: minLength }) });
    else {
      const key: MessageKey = result.error.code === "network" ? "common.error.network" : "common.error.generic";
      toast(t(key), { variant: "error" });
    }
  }

  return (
    <SectionCard id="password" title={t("profile.password.title")} description={t("profile.password.description")}>
      <form method="post" onSubmit={onSubmit} noValidate className="flex max-w-sm flex-col gap-4">
        {/* Tells password managers which account the new password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <PasswordField
          label={t("profile.password.current")}
          error={errors.current}
          name="current-password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
        />
        <PasswordField
          label={t("profile.password.new")}
          hint={t("profile.password.newHint", { min: minLength })}
          error={errors.next}
          name="new-password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
        />
        <PasswordField
          label={t("profile.password.confirm")}
          error={errors.confirm}
          name="confirm-password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
        />
        <div>
          <Button type="submit" variant="primary" loading={busy}>
            {t("profile.password.submit")}
          </Button>
        </div>
        <p aria-live="polite" className="sr-only">
          {status}
        </p>
      </form>
    </SectionCard>
  );
}

function PasswordField({
  label,
  hint,
  error,
  name,
  autoComplete,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  error?: string;
  name: string;
  autoComplete: "current-password" | "new-password";
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      <Input type="password" name={name} autoComplete={autoComplete} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
