"use client";

// Small pieces the admin pages share: a native select styled like inputs, date
// formatting in the user's language, and one toast for errors a form cannot attach to a field.
import { type ReactNode, useEffect, useState } from "react";
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import type { ApiError } from "@/components/project-settings/api.ts";
import { toast } from "@/components/ui/toast.tsx";
import type { MessageKey } from "@/lib/i18n/index.ts";

export { type ApiError, api } from "@/components/project-settings/api.ts";

export { Select } from "@/components/ui/select.tsx";

/** Date (and time) in the user's language; the server and the browser may disagree on the time
 * zone, so the text is allowed to differ between the two renders. */
export function DateTime({ iso, withTime = false }: { iso: string | null; withTime?: boolean }) {
  const language = useLanguage();
  const t = useT();
  if (!iso) return <span className="text-muted">{t("admin.never")}</span>;
  const date = new Date(iso);
  const text = date.toLocaleString(language, withTime ? { dateStyle: "short", timeStyle: "short" } : { dateStyle: "medium" });
  return (
    <time dateTime={iso} title={date.toLocaleString(language, { dateStyle: "full", timeStyle: "long" })} suppressHydrationWarning>
      {text}
    </time>
  );
}

/** A toast for an error no field shows: last admin, yourself, a former user, or a generic one. */
export function useAdminErrorToast() {
  const t = useT();
  return (error: ApiError) => {
    const key: MessageKey =
      error.code === "network"
        ? "common.error.network"
        : error.code === "conflict" && /last active admin/i.test(error.message)
          ? "admin.error.lastAdmin"
          : error.code === "conflict" && /yourself/i.test(error.message)
            ? "admin.error.self"
            : error.code === "conflict" && /deleted/i.test(error.message)
              ? "admin.error.former"
              : error.code === "conflict" && /archived/i.test(error.message)
                ? "admin.error.archived"
                : error.code === "not_found"
                  ? "admin.error.notFound"
                  : "common.error.generic";
    toast(t(key), { variant: "error" });
  };
}

/** A page's client root: `data-admin-ready` turns true once hydrated, so tests know buttons work. */
export function AdminPage({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <div data-admin-ready={ready} className="contents">
      {children}
    </div>
  );
}
