"use client";

import { useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import type { SendResult } from "@/lib/mail/mailer.ts";

type Report = { tone: "ok" | "error" | "note"; text: string; detail?: string };

/** Sends a test email with the saved settings and shows the SMTP server's answer in a live region. */
export function TestEmail({ configured, dirty, myEmail }: { configured: boolean; dirty: boolean; myEmail: string }) {
  const t = useT();
  const [to, setTo] = useState("");
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);

  async function send() {
    setBusy(true);
    setReport(null);
    const result = await api<SendResult & { to: string }>(
      "POST",
      "/admin/settings/test-email",
      to.trim() ? { to: to.trim() } : {},
    );
    setBusy(false);
    if (!result.ok) {
      setReport({
        tone: "error",
        text:
          result.error.code === "network"
            ? t("common.error.network")
            : result.error.fields.includes("to")
              ? t("system.forgot.invalidEmail")
              : result.error.code === "validation"
                ? t("system.settings.testEmail.notConfigured")
                : t("common.error.generic"),
      });
      return;
    }
    const r = result.data;
    if (r.ok) setReport({ tone: "ok", text: t("system.settings.testEmail.ok", { to: r.to, response: r.response }) });
    else
      setReport({
        tone: "error",
        text: t("system.settings.testEmail.failed", { to: r.to, message: r.response ?? r.message }),
        detail:
          r.code || r.responseCode
            ? t("system.settings.testEmail.code", { code: [r.code, r.responseCode].filter(Boolean).join(" ") })
            : undefined,
      });
  }

  return (
    <div className="flex flex-col gap-3 border-t border-border pt-5">
      <h3 className="text-[13px] font-medium">{t("system.settings.testEmail")}</h3>
      <div className="flex flex-wrap items-end gap-3">
        <Field
          label={t("system.settings.testEmail.to")}
          hint={t("system.settings.testEmail.toHint", { email: myEmail })}
          className="min-w-64 flex-1"
        >
          <Input type="email" name="test_to" value={to} placeholder={myEmail} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Button onClick={send} loading={busy} disabled={!configured} className="mb-5">
          {busy ? t("system.settings.testEmail.sending") : t("system.settings.testEmail.send")}
        </Button>
      </div>
      {!configured ? <p className="text-xs text-muted">{t("system.settings.testEmail.notConfigured")}</p> : null}
      {configured && dirty ? <p className="text-xs text-warning">{t("system.settings.testEmail.saveFirst")}</p> : null}
      <div aria-live="polite" role="status">
        {report ? (
          <div
            className={
              report.tone === "ok"
                ? "rounded-md border border-success/30 bg-success-soft px-3 py-2 text-sm text-success"
                : "rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-sm text-danger"
            }
          >
            <p className="break-words">{report.text}</p>
            {report.detail ? <p className="mt-1 font-mono text-xs">{report.detail}</p> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
