"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { PageHeader } from "@/components/shell/page-header.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { LANGUAGE_NAMES, LANGUAGES } from "@/lib/i18n/locales.ts";
import { readableOn } from "@/lib/settings/colors.ts";
import type { PublicSettings } from "@/lib/settings/settings.ts";
import { SettingsLogo } from "./settings-logo.tsx";
import { TestEmail } from "./settings-test-email.tsx";
import { Select } from "./shared.tsx";

type Values = Record<string, string | number | boolean>;
type Errors = Record<string, boolean>;

/** One section's form: its own values, its own Save (a PATCH with only its fields), its own errors. */
function useSectionForm(initial: Values, onSaved: (s: PublicSettings) => void) {
  const t = useT();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const set = (key: string, value: string | number | boolean) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: false }));
  };
  async function save(event: FormEvent<HTMLFormElement>, transform?: (v: Values) => Values) {
    event.preventDefault();
    setBusy(true);
    const result = await api<PublicSettings>("PATCH", "/admin/settings", transform ? transform(values) : values);
    setBusy(false);
    if (result.ok) {
      setErrors({});
      onSaved(result.data);
      toast(t("system.settings.saved"), { variant: "success" });
      // The header, the accent colour and the page title come from the server.
      router.refresh();
      return true;
    }
    if (result.error.fields.length) {
      setErrors(Object.fromEntries(result.error.fields.map((f) => [f, true])));
      toast(t("system.settings.invalid"), { variant: "error" });
    } else {
      toast(t(result.error.code === "network" ? "common.error.network" : "common.error.generic"), { variant: "error" });
    }
    return false;
  }
  const error = (key: string) => (errors[key] ? t("system.settings.invalid") : undefined);
  return { values, set, save, busy, error, setValues };
}

const num = (v: string) => (v.trim() === "" || Number.isNaN(Number(v)) ? v : Number(v));

export function SettingsForm({
  settings: initial,
  logoPreview,
  myEmail,
}: {
  settings: PublicSettings;
  logoPreview: ReactNode;
  myEmail: string;
}) {
  const t = useT();
  const [settings, setSettings] = useState(initial);
  useEffect(() => setSettings(initial), [initial]);
  return (
    <>
      <PageHeader title={t("system.settings.title")} description={t("system.settings.description")} />
      <BrandingSection settings={settings} logoPreview={logoPreview} onSaved={setSettings} />
      <LanguageSection settings={settings} onSaved={setSettings} />
      <SecuritySection settings={settings} onSaved={setSettings} />
      <UploadsSection settings={settings} onSaved={setSettings} />
      <TimeSection settings={settings} onSaved={setSettings} />
      <ApiSection settings={settings} onSaved={setSettings} />
      <EmailSection settings={settings} myEmail={myEmail} onSaved={setSettings} />
    </>
  );
}

type SectionProps = { settings: PublicSettings; onSaved: (s: PublicSettings) => void };

function SaveRow({ busy, children }: { busy: boolean; children?: ReactNode }) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-center gap-3 pt-1">
      <Button type="submit" variant="primary" loading={busy}>
        {t("system.settings.save")}
      </Button>
      {children}
    </div>
  );
}

function BrandingSection({ settings, logoPreview, onSaved }: SectionProps & { logoPreview: ReactNode }) {
  const t = useT();
  const form = useSectionForm({ instance_name: settings.instance_name, accent_color: settings.accent_color }, onSaved);
  const hex = String(form.values.accent_color);
  const validHex = /^#[0-9a-fA-F]{6}$/.test(hex);
  return (
    <SectionCard
      id="settings-branding"
      title={t("system.settings.branding")}
      description={t("system.settings.branding.description")}
    >
      <div className="flex flex-col gap-6">
        <form noValidate onSubmit={(e) => form.save(e)} className="flex flex-col gap-4">
          <Field label={t("system.settings.instanceName")} error={form.error("instance_name")} className="max-w-sm">
            <Input
              name="instance_name"
              value={String(form.values.instance_name)}
              maxLength={64}
              required
              onChange={(e) => form.set("instance_name", e.target.value)}
            />
          </Field>
          <Field
            label={t("system.settings.accentColor")}
            hint={t("system.settings.accentColor.hint")}
            error={form.error("accent_color")}
            id="settings-accent-hex"
          >
            <Input
              name="accent_color"
              value={hex}
              maxLength={7}
              spellCheck={false}
              className="max-w-32 font-mono"
              onChange={(e) => form.set("accent_color", e.target.value.trim())}
            />
          </Field>
          <div className="-mt-2 flex flex-wrap items-center gap-3">
            <input
              type="color"
              aria-label={t("system.settings.accentColor.picker")}
              value={validHex ? hex.toLowerCase() : "#c2481d"}
              onChange={(e) => form.set("accent_color", e.target.value)}
              className="h-9 w-14 cursor-pointer rounded-md border border-border bg-surface p-1"
            />
            <span className="text-xs text-muted">{t("system.settings.accentColor.preview")}:</span>
            <span
              aria-hidden="true"
              className="inline-flex h-8 items-center rounded-md px-3 text-sm font-medium shadow-sm"
              style={validHex ? { background: hex, color: readableOn(hex) } : undefined}
            >
              {String(form.values.instance_name) || "WarmDesk"}
            </span>
            {hex.toLowerCase() !== "#c2481d" ? (
              <Button size="sm" variant="ghost" onClick={() => form.set("accent_color", "#c2481d")}>
                {t("system.settings.accentColor.reset")}
              </Button>
            ) : null}
          </div>
          <SaveRow busy={form.busy} />
        </form>
        <SettingsLogo logo={settings.logo} preview={logoPreview} onChange={onSaved} />
      </div>
    </SectionCard>
  );
}

function LanguageSection({ settings, onSaved }: SectionProps) {
  const t = useT();
  const form = useSectionForm({ default_language: settings.default_language }, onSaved);
  return (
    <SectionCard
      id="settings-language"
      title={t("system.settings.language")}
      description={t("system.settings.language.description")}
    >
      <form noValidate onSubmit={(e) => form.save(e)} className="flex flex-col gap-4">
        <Field label={t("system.settings.defaultLanguage")} error={form.error("default_language")} className="max-w-xs">
          <Select
            className="w-full"
            value={String(form.values.default_language)}
            onChange={(e) => form.set("default_language", e.target.value)}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </Select>
        </Field>
        <SaveRow busy={form.busy} />
      </form>
    </SectionCard>
  );
}

function NumberField({
  form,
  name,
  label,
  hint,
  min,
  max,
}: {
  form: ReturnType<typeof useSectionForm>;
  name: string;
  label: string;
  hint?: string;
  min: number;
  max: number;
}) {
  return (
    <Field label={label} hint={hint} error={form.error(name)}>
      <Input
        type="number"
        inputMode="numeric"
        name={name}
        min={min}
        max={max}
        value={String(form.values[name])}
        className="max-w-40"
        onChange={(e) => form.set(name, num(e.target.value))}
      />
    </Field>
  );
}

function SecuritySection({ settings, onSaved }: SectionProps) {
  const t = useT();
  const form = useSectionForm(
    {
      session_idle_minutes: settings.session_idle_minutes,
      lockout_threshold: settings.lockout_threshold,
      lockout_minutes: settings.lockout_minutes,
      allow_signup: settings.allow_signup,
      audit_retention_days: settings.audit_retention_days,
    },
    onSaved,
  );
  return (
    <SectionCard
      id="settings-security"
      title={t("system.settings.security")}
      description={t("system.settings.security.description")}
    >
      <form noValidate onSubmit={(e) => form.save(e)} className="flex flex-col gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField
            form={form}
            name="session_idle_minutes"
            label={t("system.settings.sessionIdle")}
            hint={t("system.settings.sessionIdle.hint")}
            min={5}
            max={129600}
          />
          <NumberField
            form={form}
            name="audit_retention_days"
            label={t("system.settings.auditRetention")}
            hint={t("system.settings.auditRetention.hint")}
            min={1}
            max={3650}
          />
          <NumberField
            form={form}
            name="lockout_threshold"
            label={t("system.settings.lockoutThreshold")}
            hint={t("system.settings.lockoutThreshold.hint")}
            min={3}
            max={100}
          />
          <NumberField form={form} name="lockout_minutes" label={t("system.settings.lockoutMinutes")} min={1} max={1440} />
        </div>
        <div className="flex items-start gap-2.5">
          <input
            id="settings-allow-signup"
            type="checkbox"
            checked={Boolean(form.values.allow_signup)}
            onChange={(e) => form.set("allow_signup", e.target.checked)}
            aria-describedby="settings-allow-signup-hint"
            className="mt-0.5 size-4 accent-accent"
          />
          <div className="flex flex-col gap-0.5">
            <label htmlFor="settings-allow-signup" className="text-[13px] font-medium">
              {t("system.settings.allowSignup")}
            </label>
            <p id="settings-allow-signup-hint" className="text-xs text-muted">
              {t("system.settings.allowSignup.hint")}
            </p>
          </div>
        </div>
        <SaveRow busy={form.busy} />
      </form>
    </SectionCard>
  );
}

function UploadsSection({ settings, onSaved }: SectionProps) {
  const t = useT();
  const form = useSectionForm({ max_upload_mb: settings.max_upload_mb }, onSaved);
  return (
    <SectionCard id="settings-uploads" title={t("system.settings.uploads")}>
      <form noValidate onSubmit={(e) => form.save(e)} className="flex flex-col gap-4">
        <NumberField
          form={form}
          name="max_upload_mb"
          label={t("system.settings.maxUpload")}
          hint={t("system.settings.maxUpload.hint")}
          min={1}
          max={2048}
        />
        <SaveRow busy={form.busy} />
      </form>
    </SectionCard>
  );
}

function TimeSection({ settings, onSaved }: SectionProps) {
  const t = useT();
  const form = useSectionForm({ time_lock_days: settings.time_lock_days }, onSaved);
  return (
    <SectionCard id="settings-time" title={t("time.settings.title")} description={t("time.settings.description")}>
      <form noValidate onSubmit={(e) => form.save(e)} className="flex flex-col gap-4">
        <NumberField
          form={form}
          name="time_lock_days"
          label={t("time.settings.lockDays")}
          hint={t("time.settings.lockDaysHint")}
          min={0}
          max={3650}
        />
        <SaveRow busy={form.busy} />
      </form>
    </SectionCard>
  );
}

function ApiSection({ settings, onSaved }: SectionProps) {
  const t = useT();
  const form = useSectionForm({ api_rate_limit_per_minute: settings.api_rate_limit_per_minute }, onSaved);
  return (
    <SectionCard id="settings-api" title={t("system.settings.api")} description={t("system.settings.api.description")}>
      <form noValidate onSubmit={(e) => form.save(e)} className="flex flex-col gap-4">
        <NumberField
          form={form}
          name="api_rate_limit_per_minute"
          label={t("system.settings.apiRateLimit")}
          hint={t("system.settings.apiRateLimit.hint")}
          min={1}
          max={1000000}
        />
        <SaveRow busy={form.busy} />
      </form>
    </SectionCard>
  );
}

function EmailSection({ settings, myEmail, onSaved }: SectionProps & { myEmail: string }) {
  const t = useT();
  const saved = {
    smtp_host: settings.smtp_host,
    smtp_port: settings.smtp_port,
    smtp_user: settings.smtp_user,
    smtp_from: settings.smtp_from,
    smtp_tls: settings.smtp_tls,
  };
  const form = useSectionForm({ ...saved, smtp_password: "" }, onSaved);
  const [clearing, setClearing] = useState(false);
  const dirty =
    Object.entries(saved).some(([k, v]) => String(form.values[k]) !== String(v)) || String(form.values.smtp_password) !== "";

  async function clearPassword() {
    setClearing(true);
    const result = await api<PublicSettings>("PATCH", "/admin/settings", { smtp_password: null });
    setClearing(false);
    if (result.ok) {
      onSaved(result.data);
      toast(t("system.settings.smtpPassword.cleared"), { variant: "success" });
    } else toast(t("common.error.generic"), { variant: "error" });
  }

  return (
    <SectionCard
      id="settings-email"
      title={t("system.settings.email")}
      description={t("system.settings.email.description")}
      actions={
        settings.smtp_configured ? (
          <Badge variant="success">{t("system.settings.email.configured")}</Badge>
        ) : (
          <Badge variant="neutral">{t("system.settings.email.notConfigured")}</Badge>
        )
      }
    >
      <div className="flex flex-col gap-6">
        <form
          noValidate
          onSubmit={async (e) => {
            // An empty password field keeps the stored password: it is left out of the change.
            const ok = await form.save(e, ({ smtp_password, ...rest }) => (smtp_password ? { ...rest, smtp_password } : rest));
            if (ok) form.set("smtp_password", "");
          }}
          className="flex flex-col gap-4"
        >
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
            <Field label={t("system.settings.smtpHost")} error={form.error("smtp_host")}>
              <Input
                name="smtp_host"
                value={String(form.values.smtp_host)}
                placeholder="smtp.example.com"
                spellCheck={false}
                onChange={(e) => form.set("smtp_host", e.target.value)}
              />
            </Field>
            <Field label={t("system.settings.smtpPort")} error={form.error("smtp_port")}>
              <Input
                type="number"
                inputMode="numeric"
                name="smtp_port"
                min={1}
                max={65535}
                value={String(form.values.smtp_port)}
                onChange={(e) => form.set("smtp_port", num(e.target.value))}
              />
            </Field>
          </div>
          <Field label={t("system.settings.smtpTls")} error={form.error("smtp_tls")} className="max-w-sm">
            <Select
              className="w-full"
              value={String(form.values.smtp_tls)}
              onChange={(e) => form.set("smtp_tls", e.target.value)}
            >
              <option value="starttls">{t("system.settings.smtpTls.starttls")}</option>
              <option value="tls">{t("system.settings.smtpTls.tls")}</option>
              <option value="none">{t("system.settings.smtpTls.none")}</option>
            </Select>
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label={t("system.settings.smtpUser")}
              hint={t("system.settings.smtpUser.hint")}
              error={form.error("smtp_user")}
            >
              <Input
                name="smtp_user"
                value={String(form.values.smtp_user)}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => form.set("smtp_user", e.target.value)}
              />
            </Field>
            <Field
              label={t("system.settings.smtpPassword.replace")}
              hint={t("system.settings.smtpPassword.hint")}
              error={form.error("smtp_password")}
              aside={
                <span className="text-xs text-muted">
                  {t("system.settings.smtpPassword.status", {
                    status: t(
                      settings.smtp_password_set ? "system.settings.smtpPassword.set" : "system.settings.smtpPassword.notSet",
                    ),
                  })}
                </span>
              }
            >
              <Input
                type="password"
                name="smtp_password"
                autoComplete="new-password"
                value={String(form.values.smtp_password)}
                onChange={(e) => form.set("smtp_password", e.target.value)}
              />
            </Field>
          </div>
          <Field label={t("system.settings.smtpFrom")} hint={t("system.settings.smtpFrom.hint")} error={form.error("smtp_from")}>
            <Input
              name="smtp_from"
              value={String(form.values.smtp_from)}
              placeholder="WarmDesk <desk@example.com>"
              spellCheck={false}
              onChange={(e) => form.set("smtp_from", e.target.value)}
            />
          </Field>
          <SaveRow busy={form.busy}>
            {settings.smtp_password_set ? (
              <Button variant="ghost" loading={clearing} onClick={clearPassword}>
                {t("system.settings.smtpPassword.clear")}
              </Button>
            ) : null}
          </SaveRow>
        </form>
        <TestEmail configured={settings.smtp_configured} dirty={dirty} myEmail={myEmail} />
      </div>
    </SectionCard>
  );
}
