"use client";

import { useRouter } from "next/navigation";
import { type ChangeEvent, type ReactNode, useId, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";
import { Spinner } from "@/components/ui/spinner.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { PublicSettings } from "@/lib/settings/settings.ts";

const MAX_BYTES = 1024 * 1024;

/** Upload, replace or remove the instance logo (the server checks the type by the file's bytes). */
export function SettingsLogo({
  logo,
  preview,
  onChange,
}: {
  logo: string;
  /** The logo as the header shows it (rendered by the server, refreshed after a change). */
  preview: ReactNode;
  onChange: (s: PublicSettings) => void;
}) {
  const t = useT();
  const router = useRouter();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function send(method: "POST" | "DELETE", body?: FormData) {
    setBusy(true);
    try {
      const res = await fetch("/api/v1/admin/settings/logo", { method, body });
      const json = await res.json().catch(() => null);
      if (res.ok) {
        onChange(json as PublicSettings);
        const message = t(method === "POST" ? "system.settings.logo.uploaded" : "system.settings.logo.removed");
        setStatus(message);
        toast(message, { variant: "success" });
        router.refresh();
      } else {
        const message = t(
          res.status === 415
            ? "system.settings.logo.wrongType"
            : res.status === 413
              ? "system.settings.logo.tooLarge"
              : "common.error.generic",
        );
        setStatus(message);
        toast(message, { variant: "error" });
      }
    } catch {
      toast(t("common.error.network"), { variant: "error" });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      const message = t("system.settings.logo.tooLarge");
      setStatus(message);
      toast(message, { variant: "error" });
      event.target.value = "";
      return;
    }
    const form = new FormData();
    form.set("file", file);
    void send("POST", form);
  }

  return (
    <div className="flex flex-col gap-2 border-t border-border pt-5">
      <h3 className="text-[13px] font-medium">{t("system.settings.logo")}</h3>
      <div className="flex flex-wrap items-center gap-4">
        <div className="flex size-16 items-center justify-center rounded-lg border border-border bg-surface-2">{preview}</div>
        <div className="flex flex-col gap-2">
          <p className="text-sm text-muted">{logo ? t("system.settings.logo.current") : t("system.settings.logo.none")}</p>
          <div className="flex flex-wrap items-center gap-2">
            <label
              htmlFor={inputId}
              className={buttonClasses({
                variant: "secondary",
                className: "cursor-pointer focus-within:ring-3 focus-within:ring-ring/30",
              })}
            >
              {busy ? <Spinner size={14} /> : null}
              {t(logo ? "system.settings.logo.replace" : "system.settings.logo.upload")}
              <input
                ref={input}
                id={inputId}
                type="file"
                accept="image/png,image/jpeg,image/webp"
                className="sr-only"
                disabled={busy}
                aria-describedby={`${inputId}-hint`}
                onChange={onFile}
              />
            </label>
            {logo ? (
              <Button variant="ghost" disabled={busy} onClick={() => send("DELETE")}>
                {t("system.settings.logo.remove")}
              </Button>
            ) : null}
          </div>
          <p id={`${inputId}-hint`} className="text-xs text-muted">
            {t("system.settings.logo.hint")}
          </p>
          <p aria-live="polite" className="sr-only">
            {status}
          </p>
        </div>
      </div>
    </div>
  );
}
