"use client";

import { type FormEvent, type ReactNode, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input, Textarea } from "@/components/ui/input.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { MessageKey } from "@/lib/i18n/index.ts";
import type { readSsoSettings } from "@/lib/sso/admin.ts";
import type { GroupMapping } from "@/lib/sso/settings.ts";
import { Select } from "./shared.tsx";

export type SsoView = Awaited<ReturnType<typeof readSsoSettings>>;
type Group = { id: number; name: string };
type Values = Record<string, unknown>;
type Check = { ok: boolean; problem: string | null; warnings: string[] };
type LdapTestResult = Check & {
  user: {
    dn: string;
    subject: string;
    username: string | null;
    email: string | null;
    displayName: string | null;
    groups: string[];
  } | null;
  mappedGroups: Group[];
  allowed: boolean | null;
};

const list = (v: unknown) => (Array.isArray(v) ? v.join(", ") : String(v ?? ""));
const splitList = (v: unknown) =>
  String(v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** One section's state and its Save: a PATCH of `{ [section]: values }`; the server's reason on refusal. */
function useSsoSection(section: "oidc" | "ldap" | "policy", initial: Values, onSaved: (v: SsoView) => void) {
  const t = useT();
  const [values, setValues] = useState<Values>(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const set = (key: string, value: unknown) => setValues((v) => ({ ...v, [key]: value }));
  async function save(event: FormEvent, transform: (v: Values) => Values = (v) => v) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await api<{ settings: SsoView; warnings: string[] }>("PATCH", "/admin/sso", { [section]: transform(values) });
    setBusy(false);
    if (result.ok) {
      setWarnings(result.data.warnings);
      onSaved(result.data.settings);
      toast(t("sso.admin.saved"), { variant: "success" });
      return true;
    }
    setProblem(result.error.code === "network" ? t("common.error.network") : result.error.message || t("common.error.generic"));
    return false;
  }
  return { values, set, save, busy, problem, warnings };
}

function Check({
  id,
  checked,
  onChange,
  label,
  hint,
  disabled,
}: {
  id: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  label: string;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <div className="flex items-start gap-2.5">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 size-4 shrink-0 accent-accent"
      />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id} className="text-[13px] font-medium">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-muted">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** The save row with the server's refusal or warnings under it (a live region). */
function Outcome({ problem, warnings }: { problem: string | null; warnings: string[] }) {
  const t = useT();
  return (
    <div aria-live="polite" role="status">
      {problem ? (
        <p className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm break-words text-danger">{problem}</p>
      ) : warnings.length ? (
        <div className="rounded-md border border-warning/30 bg-warning-soft px-3 py-2 text-sm text-warning">
          <p className="font-medium">{t("sso.admin.warnings")}</p>
          <ul className="list-disc pl-5">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function TextField({
  form,
  name,
  label,
  hint,
  locked,
  placeholder,
  mono,
  className,
}: {
  form: ReturnType<typeof useSsoSection>;
  name: string;
  label: string;
  hint?: string;
  locked: string[];
  placeholder?: string;
  mono?: boolean;
  className?: string;
}) {
  const t = useT();
  const isLocked = locked.includes(name);
  return (
    <Field label={label} hint={isLocked ? t("sso.admin.locked") : hint} className={className}>
      <Input
        name={name}
        value={String(form.values[name] ?? "")}
        disabled={isLocked}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        className={mono ? "font-mono text-[13px]" : undefined}
        onChange={(e) => form.set(name, e.target.value)}
      />
    </Field>
  );
}

function SecretField({
  form,
  name,
  label,
  isSet,
  locked,
}: {
  form: ReturnType<typeof useSsoSection>;
  name: string;
  label: string;
  isSet: boolean;
  locked: string[];
}) {
  const t = useT();
  const isLocked = locked.includes(name);
  return (
    <Field label={label} hint={isLocked ? t("sso.admin.locked") : isSet ? t("sso.admin.secretSet") : undefined}>
      <Input
        type="password"
        name={name}
        autoComplete="new-password"
        disabled={isLocked}
        value={String(form.values[name] ?? "")}
        onChange={(e) => form.set(name, e.target.value)}
      />
    </Field>
  );
}

function ReadOnlyValue({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <span className="text-[13px] font-medium">{label}</span>
      <code className="block rounded-md border border-border bg-surface-2 px-2.5 py-1.5 font-mono text-xs break-all select-all">
        {value}
      </code>
    </div>
  );
}

/** Who may come in and which WarmDesk groups follow which directory groups. */
function AccountsBlock({ form, prefix, groups }: { form: ReturnType<typeof useSsoSection>; prefix: string; groups: Group[] }) {
  const t = useT();
  const mappings = (form.values.groupMappings as GroupMapping[]) ?? [];
  const setMappings = (next: GroupMapping[]) => form.set("groupMappings", next);
  return (
    <fieldset className="flex flex-col gap-4 border-t border-border pt-4">
      <legend className="pb-2 text-[13px] font-semibold">{t("sso.admin.accounts")}</legend>
      <Check
        id={`${prefix}-signup`}
        checked={Boolean(form.values.allowSignUp)}
        onChange={(v) => form.set("allowSignUp", v)}
        label={t("sso.admin.allowSignUp")}
      />
      <Check
        id={`${prefix}-linking`}
        checked={Boolean(form.values.allowLinking)}
        onChange={(v) => form.set("allowLinking", v)}
        label={t("sso.admin.allowLinking")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("sso.admin.allowedDomains")} hint={t("sso.admin.allowedDomainsHint")}>
          <Input
            value={list(form.values.allowedDomains)}
            placeholder="example.com"
            spellCheck={false}
            onChange={(e) => form.set("allowedDomains", e.target.value)}
          />
        </Field>
        <Field label={t("sso.admin.requiredGroups")} hint={t("sso.admin.requiredGroupsHint")}>
          <Input
            value={list(form.values.requiredGroups)}
            placeholder="warmdesk-users"
            spellCheck={false}
            onChange={(e) => form.set("requiredGroups", e.target.value)}
          />
        </Field>
      </div>
      <div className="flex flex-col gap-2">
        <span className="text-[13px] font-medium">{t("sso.admin.groupMappings")}</span>
        <p className="text-xs text-muted">{t("sso.admin.groupMappingsHint")}</p>
        {mappings.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own while edited
          <div key={i} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-center gap-2">
            <Input
              aria-label={t("sso.admin.external")}
              value={m.external}
              placeholder={t("sso.admin.external")}
              spellCheck={false}
              onChange={(e) => setMappings(mappings.map((x, j) => (j === i ? { ...x, external: e.target.value } : x)))}
            />
            <Select
              aria-label={t("sso.admin.group")}
              className="w-full"
              value={String(m.groupId)}
              onChange={(e) => setMappings(mappings.map((x, j) => (j === i ? { ...x, groupId: Number(e.target.value) } : x)))}
            >
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
            <Button
              variant="ghost"
              size="sm"
              aria-label={t("sso.admin.removeMapping")}
              onClick={() => setMappings(mappings.filter((_, j) => j !== i))}
            >
              ×
            </Button>
          </div>
        ))}
        <div>
          <Button
            size="sm"
            disabled={groups.length === 0}
            onClick={() => setMappings([...mappings, { external: "", groupId: groups[0]?.id ?? 0 }])}
          >
            {t("sso.admin.addMapping")}
          </Button>
        </div>
      </div>
    </fieldset>
  );
}

const accountFields = (v: Values) => ({
  allowedDomains: splitList(v.allowedDomains),
  requiredGroups: splitList(v.requiredGroups),
  groupMappings: ((v.groupMappings as GroupMapping[]) ?? []).filter((m) => m.external.trim() !== ""),
});

/** Leaves out locked fields and an empty secret (which keeps the stored one). */
function patchOf(v: Values, locked: string[], secret: string): Values {
  const out: Values = { ...v, ...accountFields(v) };
  for (const key of [...locked, "locked", `${secret}Set`]) delete out[key];
  if (!out[secret]) delete out[secret];
  return out;
}

export function SsoSettings({ initial, groups }: { initial: SsoView; groups: Group[] }) {
  const [view, setView] = useState(initial);
  return (
    <>
      <OidcSection view={view} groups={groups} onSaved={setView} />
      <LdapSection view={view} groups={groups} onSaved={setView} />
      <PolicySection view={view} onSaved={setView} />
    </>
  );
}

type SectionProps = { view: SsoView; onSaved: (v: SsoView) => void };

function StatusBadge({ on }: { on: boolean }) {
  const t = useT();
  return on ? <Badge variant="success">{t("sso.admin.enabled")}</Badge> : null;
}

function OidcSection({ view, groups, onSaved }: SectionProps & { groups: Group[] }) {
  const t = useT();
  const { locked, clientSecretSet, ...initial } = view.oidc;
  const form = useSsoSection("oidc", { ...initial, clientSecret: "" }, onSaved);
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<Check | null>(null);
  async function runTest() {
    setTesting(true);
    const result = await api<Check>("POST", "/admin/sso/oidc/test", { oidc: patchOf(form.values, locked, "clientSecret") });
    setTesting(false);
    setTest(result.ok ? result.data : { ok: false, problem: result.error.message || t("common.error.generic"), warnings: [] });
  }
  return (
    <SectionCard
      id="settings-sso-oidc"
      title={t("sso.admin.oidc.title")}
      description={t("sso.admin.description")}
      actions={<StatusBadge on={view.oidc.enabled} />}
    >
      <form noValidate onSubmit={(e) => form.save(e, (v) => patchOf(v, locked, "clientSecret"))} className="flex flex-col gap-4">
        <Check
          id="sso-oidc-enabled"
          checked={Boolean(form.values.enabled)}
          disabled={locked.includes("enabled")}
          onChange={(v) => form.set("enabled", v)}
          label={t("sso.admin.oidc.enabled")}
        />
        <TextField
          form={form}
          name="issuer"
          label={t("sso.admin.oidc.issuer")}
          hint={t("sso.admin.oidc.issuerHint", { path: "/.well-known/openid-configuration" })}
          locked={locked}
          placeholder="https://login.example.com/realms/company"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField form={form} name="clientId" label={t("sso.admin.oidc.clientId")} locked={locked} />
          <SecretField
            form={form}
            name="clientSecret"
            label={t("sso.admin.oidc.clientSecret")}
            isSet={clientSecretSet}
            locked={locked}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField form={form} name="scopes" label={t("sso.admin.oidc.scopes")} locked={locked} mono />
          <TextField form={form} name="groupsClaim" label={t("sso.admin.oidc.groupsClaim")} locked={locked} mono />
          <TextField
            form={form}
            name="buttonLabel"
            label={t("sso.admin.oidc.buttonLabel")}
            hint={t("sso.admin.oidc.buttonLabelHint")}
            locked={locked}
          />
        </div>
        <Check
          id="sso-oidc-mfa"
          checked={Boolean(form.values.providerMfa)}
          onChange={(v) => form.set("providerMfa", v)}
          label={t("sso.admin.oidc.providerMfa")}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <ReadOnlyValue label={t("sso.admin.oidc.redirectUri")} value={view.redirectUri} />
          <ReadOnlyValue label={t("sso.admin.oidc.postLogoutUri")} value={view.postLogoutRedirectUri} />
        </div>
        <AccountsBlock form={form} prefix="sso-oidc" groups={groups} />
        <SaveButtons busy={form.busy}>
          <Button loading={testing} onClick={runTest}>
            {t("sso.admin.test")}
          </Button>
        </SaveButtons>
        <Outcome problem={form.problem} warnings={form.warnings} />
        {test ? <TestReport check={test} /> : null}
      </form>
    </SectionCard>
  );
}

function SaveButtons({ busy, children }: { busy: boolean; children?: ReactNode }) {
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

function TestReport({ check, children }: { check: Check; children?: ReactNode }) {
  const t = useT();
  return (
    <div
      role="status"
      data-testid="sso-test-report"
      className={
        check.ok
          ? "flex flex-col gap-2 rounded-md border border-success/30 bg-success-soft px-3 py-2 text-sm"
          : "flex flex-col gap-2 rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger"
      }
    >
      <p className={check.ok ? "font-medium text-success" : "font-medium"}>
        {t(check.ok ? "sso.admin.testOk" : "sso.admin.testFailed")}
        {check.problem ? `: ${check.problem}` : ""}
      </p>
      {check.warnings.length ? (
        <ul className="list-disc pl-5 text-warning">
          {check.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}

const LDAP_ATTRIBUTES: [string, MessageKey][] = [
  ["usernameAttribute", "sso.admin.ldap.usernameAttribute"],
  ["emailAttribute", "sso.admin.ldap.emailAttribute"],
  ["nameAttribute", "sso.admin.ldap.nameAttribute"],
  ["idAttribute", "sso.admin.ldap.idAttribute"],
];

function LdapSection({ view, groups, onSaved }: SectionProps & { groups: Group[] }) {
  const t = useT();
  const { locked, bindPasswordSet, ...initial } = view.ldap;
  const form = useSsoSection("ldap", { ...initial, bindPassword: "" }, onSaved);
  const [username, setUsername] = useState("");
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<LdapTestResult | null>(null);
  async function runTest() {
    setTesting(true);
    const result = await api<LdapTestResult>("POST", "/admin/sso/ldap/test", {
      username: username.trim() || undefined,
      ldap: patchOf(form.values, locked, "bindPassword"),
    });
    setTesting(false);
    setTest(
      result.ok
        ? result.data
        : {
            ok: false,
            problem: result.error.message || t("common.error.generic"),
            warnings: [],
            user: null,
            mappedGroups: [],
            allowed: null,
          },
    );
  }
  const none = t("sso.admin.ldap.none");
  return (
    <SectionCard id="settings-sso-ldap" title={t("sso.admin.ldap.title")} actions={<StatusBadge on={view.ldap.enabled} />}>
      <form noValidate onSubmit={(e) => form.save(e, (v) => patchOf(v, locked, "bindPassword"))} className="flex flex-col gap-4">
        <Check
          id="sso-ldap-enabled"
          checked={Boolean(form.values.enabled)}
          disabled={locked.includes("enabled")}
          onChange={(v) => form.set("enabled", v)}
          label={t("sso.admin.ldap.enabled")}
        />
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-end">
          <TextField
            form={form}
            name="url"
            label={t("sso.admin.ldap.url")}
            locked={locked}
            placeholder="ldaps://ldap.example.com"
            mono
          />
          <div className="sm:pb-2">
            <Check
              id="sso-ldap-starttls"
              checked={Boolean(form.values.startTls)}
              onChange={(v) => form.set("startTls", v)}
              label={t("sso.admin.ldap.startTls")}
            />
          </div>
        </div>
        <Field
          label={t("sso.admin.ldap.caCert")}
          hint={locked.includes("caCert") ? t("sso.admin.locked") : t("sso.admin.ldap.caCertHint")}
        >
          <Textarea
            rows={3}
            disabled={locked.includes("caCert")}
            value={String(form.values.caCert ?? "")}
            placeholder="-----BEGIN CERTIFICATE-----"
            spellCheck={false}
            className="font-mono text-xs"
            onChange={(e) => form.set("caCert", e.target.value)}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField form={form} name="bindDn" label={t("sso.admin.ldap.bindDn")} locked={locked} mono />
          <SecretField
            form={form}
            name="bindPassword"
            label={t("sso.admin.ldap.bindPassword")}
            isSet={bindPasswordSet}
            locked={locked}
          />
        </div>
        <TextField
          form={form}
          name="baseDn"
          label={t("sso.admin.ldap.baseDn")}
          locked={locked}
          placeholder="dc=example,dc=com"
          mono
        />
        <TextField
          form={form}
          name="userFilter"
          label={t("sso.admin.ldap.userFilter")}
          hint={t("sso.admin.ldap.userFilterHint")}
          locked={locked}
          mono
        />
        <fieldset className="flex flex-col gap-2">
          <legend className="pb-2 text-[13px] font-semibold">{t("sso.admin.ldap.attributes")}</legend>
          <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {LDAP_ATTRIBUTES.map(([name, label]) => (
              <TextField key={name} form={form} name={name} label={t(label)} locked={locked} mono />
            ))}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            form={form}
            name="memberOfAttribute"
            label={t("sso.admin.ldap.memberOfAttribute")}
            hint={t("sso.admin.ldap.memberOfHint")}
            locked={locked}
            mono
          />
          <TextField form={form} name="groupBaseDn" label={t("sso.admin.ldap.groupBaseDn")} locked={locked} mono />
          <TextField
            form={form}
            name="groupFilter"
            label={t("sso.admin.ldap.groupFilter")}
            hint={t("sso.admin.ldap.groupFilterHint")}
            locked={locked}
            mono
          />
          <TextField form={form} name="groupNameAttribute" label={t("sso.admin.ldap.groupNameAttribute")} locked={locked} mono />
        </div>
        <AccountsBlock form={form} prefix="sso-ldap" groups={groups} />
        <SaveButtons busy={form.busy} />
        <Outcome problem={form.problem} warnings={form.warnings} />
        <div className="flex flex-col gap-3 border-t border-border pt-4">
          <div className="flex flex-wrap items-end gap-3">
            <Field label={t("sso.admin.ldap.testUsername")} className="min-w-56 flex-1">
              <Input
                name="ldap-test-username"
                value={username}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setUsername(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    void runTest();
                  }
                }}
              />
            </Field>
            <Button loading={testing} onClick={runTest}>
              {t("sso.admin.test")}
            </Button>
          </div>
          {test ? (
            <TestReport check={test}>
              {test.user ? (
                <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-text" data-testid="ldap-test-user">
                  <dt className="text-muted">{t("sso.admin.ldap.dn")}</dt>
                  <dd className="font-mono text-xs break-all">{test.user.dn}</dd>
                  <dt className="text-muted">{t("sso.admin.ldap.id")}</dt>
                  <dd className="font-mono text-xs break-all">{test.user.subject}</dd>
                  <dt className="text-muted">{t("sso.admin.ldap.usernameAttribute")}</dt>
                  <dd>{test.user.username ?? none}</dd>
                  <dt className="text-muted">{t("sso.admin.ldap.emailAttribute")}</dt>
                  <dd>{test.user.email ?? none}</dd>
                  <dt className="text-muted">{t("sso.admin.ldap.nameAttribute")}</dt>
                  <dd>{test.user.displayName ?? none}</dd>
                  <dt className="text-muted">{t("sso.admin.ldap.groups")}</dt>
                  <dd>{test.user.groups.filter((g) => !g.includes("=")).join(", ") || none}</dd>
                  <dt className="text-muted">{t("sso.admin.ldap.mappedGroups")}</dt>
                  <dd>{test.mappedGroups.map((g) => g.name).join(", ") || none}</dd>
                  <dt className="text-muted">{t("sso.admin.ldap.allowed")}</dt>
                  <dd>{test.allowed ? "✓" : t("sso.admin.ldap.notAllowed")}</dd>
                </dl>
              ) : null}
            </TestReport>
          ) : null}
        </div>
      </form>
    </SectionCard>
  );
}

function PolicySection({ view, onSaved }: SectionProps) {
  const t = useT();
  const form = useSsoSection("policy", { ...view.policy }, onSaved);
  return (
    <SectionCard id="settings-sso-policy" title={t("sso.admin.policy.title")}>
      <form noValidate onSubmit={(e) => form.save(e)} className="flex flex-col gap-4">
        <Check
          id="sso-password-sign-in"
          checked={Boolean(form.values.passwordSignIn)}
          onChange={(v) => form.set("passwordSignIn", v)}
          label={t("sso.admin.policy.passwordSignIn")}
          hint={t("sso.admin.policy.passwordSignInHint")}
        />
        <Field label={t("sso.admin.policy.breakGlass")} hint={t("sso.admin.policy.breakGlassHint")} className="max-w-sm">
          <Input
            name="breakGlassUsername"
            value={String(form.values.breakGlassUsername ?? "")}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => form.set("breakGlassUsername", e.target.value)}
          />
        </Field>
        <SaveButtons busy={form.busy} />
        <Outcome problem={form.problem} warnings={form.warnings} />
      </form>
    </SectionCard>
  );
}
