"use client";

// Two-factor authentication on the profile page: turn on (QR code + setup key + a code to confirm),
// recovery codes shown once (copy / download), new recovery codes and turning off (each confirmed
// with the password or a code). Talks to /api/v1/me/mfa/*.
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { ShieldIcon } from "@/components/ui/icons.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { TotpCodeInput } from "@/components/ui/totp-code-input.tsx";
import { api } from "./api.ts";

type Setup = { secret: string; uri: string; qrSvg: string };
type Proof = "disable" | "regenerate";

/** The setup key in groups of four, as authenticator apps show it. */
const groupKey = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export function MfaSection({
  enabled: enabledProp,
  recoveryCodesLeft: leftProp,
  instanceName = "WarmDesk",
}: {
  enabled: boolean;
  recoveryCodesLeft: number;
  /** Named in the downloaded recovery-codes file. */
  instanceName?: string;
}) {
  const t = useT();
  const router = useRouter();
  const [enabled, setEnabled] = useState(enabledProp);
  const [left, setLeft] = useState(leftProp);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [starting, setStarting] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [proof, setProof] = useState<Proof | null>(null);
  const [status, setStatus] = useState("");

  async function start() {
    setStarting(true);
    const result = await api<Setup>("POST", "/me/mfa/setup");
    setStarting(false);
    if (result.ok) setSetup(result.data);
    else toast(t(result.error.code === "network" ? "common.error.network" : "common.error.generic"), { variant: "error" });
  }

  function onEnabled(recoveryCodes: string[]) {
    setSetup(null);
    setEnabled(true);
    setLeft(recoveryCodes.length);
    setCodes(recoveryCodes);
    setStatus(t("account.mfa.enabled"));
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-4" data-testid="mfa-section">
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
      <div className="flex flex-wrap items-start gap-3">
        <span
          aria-hidden="true"
          className={`inline-flex size-9 shrink-0 items-center justify-center rounded-md ${enabled ? "bg-success-soft text-success" : "bg-surface-2 text-muted"}`}
        >
          <ShieldIcon />
        </span>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex items-center gap-2">
            <Badge variant={enabled ? "success" : "neutral"} data-testid="mfa-status">
              {t(enabled ? "account.mfa.statusOn" : "account.mfa.statusOff")}
            </Badge>
          </div>
          <p className="max-w-prose text-sm text-muted">{t(enabled ? "account.mfa.onBody" : "account.mfa.offBody")}</p>
          {enabled && !codes ? (
            <p className={`text-sm ${left <= 3 ? "text-warning" : "text-muted"}`}>
              {t(left <= 3 ? "account.mfa.codesLow" : "account.mfa.codesLeft", { count: left })}
            </p>
          ) : null}
        </div>
        {!setup && !codes ? (
          <div className="flex flex-wrap items-center gap-2">
            {enabled ? (
              <>
                <Button onClick={() => setProof("regenerate")}>{t("account.mfa.regenerate")}</Button>
                <Button variant="danger" onClick={() => setProof("disable")}>
                  {t("account.mfa.disable")}
                </Button>
              </>
            ) : (
              <Button variant="primary" loading={starting} onClick={start}>
                {t("account.mfa.enable")}
              </Button>
            )}
          </div>
        ) : null}
      </div>

      {setup ? <SetupPanel setup={setup} onCancel={() => setSetup(null)} onEnabled={onEnabled} /> : null}
      {codes ? <RecoveryCodes codes={codes} instanceName={instanceName} onDone={() => setCodes(null)} /> : null}

      <ProofDialog
        kind={proof}
        onClose={() => setProof(null)}
        onDone={(kind, recoveryCodes) => {
          setProof(null);
          if (kind === "disable") {
            setEnabled(false);
            setLeft(0);
            setStatus(t("account.mfa.disabled"));
            toast(t("account.mfa.disabled"), { variant: "success" });
          } else if (recoveryCodes) {
            setLeft(recoveryCodes.length);
            setCodes(recoveryCodes);
          }
          router.refresh();
        }}
      />
    </div>
  );
}

function SetupPanel({
  setup,
  onCancel,
  onEnabled,
}: {
  setup: Setup;
  onCancel: () => void;
  onEnabled: (codes: string[]) => void;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s/g, "");
    if (!/^\d{6}$/.test(code)) {
      setError(t("account.mfa.setup.invalid"));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await api<{ recoveryCodes: string[] }>("POST", "/me/mfa/confirm", { code });
    setBusy(false);
    if (result.ok) onEnabled(result.data.recoveryCodes);
    else if (result.error.code === "validation") {
      setError(t("account.mfa.setup.invalid"));
      inputRef.current?.select();
    } else toast(t(result.error.code === "network" ? "common.error.network" : "common.error.generic"), { variant: "error" });
  }

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-border bg-surface-2/50 p-4">
      <h3 id={headingId} className="text-sm font-semibold">
        {t("account.mfa.setup.title")}
      </h3>
      <div className="mt-3 flex flex-col gap-5 sm:flex-row">
        <div className="flex flex-col items-center gap-2 sm:items-start">
          {/* Rendered on the server by the qrcode package: nothing leaves this instance. Always dark on white, so every camera reads it. */}
          {/* biome-ignore lint/performance/noImgElement: an inline data: SVG; next/image has nothing to optimise */}
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
            alt={t("account.mfa.setup.qrAlt")}
            width={176}
            height={176}
            className="rounded-md border border-border bg-white p-1"
            data-testid="mfa-qr"
          />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-3">
          <p className="text-sm">{t("account.mfa.setup.scan")}</p>
          <div className="flex flex-col gap-1">
            <p className="text-sm text-muted">{t("account.mfa.setup.manual")}</p>
            <code
              title={t("account.mfa.setup.manualLabel")}
              data-testid="mfa-secret"
              data-secret={setup.secret}
              className="w-fit rounded-md border border-border bg-surface px-2 py-1 font-mono text-sm tracking-wider break-all select-all"
            >
              {groupKey(setup.secret)}
            </code>
          </div>
          <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-3">
            <p className="text-sm">{t("account.mfa.setup.enterCode")}</p>
            <Field label={t("account.mfa.setup.code")} error={error ?? undefined} id="mfa-setup-code">
              <TotpCodeInput ref={inputRef} autoFocus className="max-w-40" />
            </Field>
            <div className="flex gap-2">
              <Button type="submit" variant="primary" loading={busy}>
                {t("account.mfa.setup.confirm")}
              </Button>
              <Button type="button" variant="ghost" onClick={onCancel}>
                {t("common.cancel")}
              </Button>
            </div>
          </form>
        </div>
      </div>
    </section>
  );
}

function RecoveryCodes({ codes, instanceName, onDone }: { codes: string[]; instanceName: string; onDone: () => void }) {
  const t = useT();
  const headingId = useId();
  const text = codes.join("\n");

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      toast(t("account.mfa.codes.copied"), { variant: "success" });
    } catch {
      toast(t("common.error.generic"), { variant: "error" });
    }
  }

  function download() {
    const date = new Date().toISOString().slice(0, 10);
    const header = t("account.mfa.codes.fileHeader", { instance: instanceName, date });
    const blob = new Blob([`${header}\n\n${text}\n`], { type: "text/plain" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `${instanceName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-recovery-codes.txt`;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-warning/40 bg-warning-soft/40 p-4"
      data-testid="mfa-codes"
    >
      <h3 id={headingId} className="text-sm font-semibold">
        {t("account.mfa.codes.title")}
      </h3>
      <p className="mt-1 max-w-prose text-sm text-muted">{t("account.mfa.codes.body")}</p>
      <ul
        aria-label={t("account.mfa.codes.listLabel")}
        className="mt-3 grid w-fit grid-cols-2 gap-x-6 gap-y-1 rounded-md border border-border bg-surface px-4 py-3 font-mono text-sm"
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={copy}>{t("account.mfa.codes.copy")}</Button>
        <Button onClick={download}>{t("account.mfa.codes.download")}</Button>
        <Button variant="primary" onClick={onDone}>
          {t("account.mfa.codes.done")}
        </Button>
      </div>
    </section>
  );
}

function ProofDialog({
  kind,
  onClose,
  onDone,
}: {
  kind: Proof | null;
  onClose: () => void;
  onDone: (kind: Proof, codes?: string[]) => void;
}) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!kind) return;
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const code = String(form.get("code") ?? "").trim();
    if (!password && !code) {
      setError(t("account.mfa.proofMissing"));
      return;
    }
    const body = { ...(password ? { password } : {}), ...(code ? { code } : {}) };
    setBusy(true);
    setError(null);
    const result =
      kind === "disable"
        ? await api("DELETE", "/me/mfa", body)
        : await api<{ recoveryCodes: string[] }>("POST", "/me/mfa/recovery-codes", body);
    setBusy(false);
    if (result.ok) onDone(kind, kind === "regenerate" ? (result.data as { recoveryCodes: string[] }).recoveryCodes : undefined);
    else if (result.error.code === "validation") setError(t("account.mfa.proofWrong"));
    else setError(t(result.error.code === "network" ? "common.error.network" : "common.error.generic"));
  }

  return (
    <Dialog
      open={kind !== null}
      onOpenChange={(open) => {
        if (!open) {
          setError(null);
          onClose();
        }
      }}
    >
      {kind ? (
        <DialogContent
          size="sm"
          title={t(kind === "disable" ? "account.mfa.disableTitle" : "account.mfa.regenerateTitle")}
          description={t(kind === "disable" ? "account.mfa.disableBody" : "account.mfa.regenerateBody")}
        >
          <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-3">
            {error ? (
              <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger">
                {error}
              </p>
            ) : null}
            <Field label={t("account.mfa.proofPassword")} id="mfa-proof-password">
              <Input name="password" type="password" autoComplete="current-password" />
            </Field>
            <Field label={t("account.mfa.proofCode")} id="mfa-proof-code">
              <Input name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={64} className="font-mono" />
            </Field>
            <DialogFooter>
              <Button type="button" variant="ghost" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" variant={kind === "disable" ? "danger" : "primary"} loading={busy}>
                {t(kind === "disable" ? "account.mfa.disable" : "account.mfa.regenerate")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
