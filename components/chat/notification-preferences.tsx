"use client";
// The profile's email preference for notifications: immediately, a daily digest, or off.
import { useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";

const OPTIONS = ["immediate", "digest", "off"] as const;
type Choice = (typeof OPTIONS)[number];

export function NotificationPreferences({ initial }: { initial: Choice }) {
  const t = useT();
  const [value, setValue] = useState<Choice>(initial);
  const [status, setStatus] = useState<string | null>(null);
  const save = async (next: Choice) => {
    setValue(next);
    setStatus(null);
    const res = await fetch("/api/v1/me/notification-preferences", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: next }),
    });
    const json = await res.json().catch(() => null);
    setStatus(res.ok ? t("notifications.pref.saved") : (json?.error?.message ?? "Error"));
  };
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="sr-only">{t("notifications.pref.title")}</legend>
      {OPTIONS.map((o) => (
        <label key={o} className="flex items-center gap-2 text-sm">
          <input type="radio" name="notify-email" value={o} checked={value === o} onChange={() => void save(o)} />
          {t(`notifications.pref.${o}`)}
        </label>
      ))}
      <p className="h-4 text-xs text-muted" aria-live="polite">
        {status}
      </p>
    </fieldset>
  );
}
