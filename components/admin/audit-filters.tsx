"use client";

import Link from "next/link";
import { useT } from "@/components/i18n-provider.tsx";
import { buttonClasses } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { AUDIT_ACTIONS, AUDIT_GROUPS, actionLabel, groupLabel } from "./audit-labels.ts";
import { Select } from "./shared.tsx";

/** The filters as a plain GET form: they live in the URL, work before hydration, and can be shared. */
export function AuditFilters({ values }: { values: Record<string, string> }) {
  const t = useT();
  const hasFilters = Object.keys(values).length > 0;
  return (
    <search aria-label={t("system.audit.filters")}>
      <form
        method="get"
        action="/admin/audit"
        className="grid gap-3 rounded-lg border border-border bg-surface p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[repeat(3,minmax(0,1fr))_auto]"
      >
        <Field label={t("system.audit.filter.user")} id="audit-user">
          <Input
            name="user"
            defaultValue={values.user ?? ""}
            placeholder={t("system.audit.filter.userPlaceholder")}
            spellCheck={false}
          />
        </Field>
        <Field label={t("system.audit.filter.action")} id="audit-action">
          <Select className="w-full" name="action" defaultValue={values.action ?? ""}>
            <option value="">{t("system.audit.filter.anyAction")}</option>
            {AUDIT_GROUPS.map((group) => (
              <optgroup key={group} label={groupLabel(t, group)}>
                <option value={`${group}.`}>
                  {groupLabel(t, group)}: {t("system.audit.filter.anyAction")}
                </option>
                {AUDIT_ACTIONS.filter((a) => a.startsWith(`${group}.`)).map((a) => (
                  <option key={a} value={a}>
                    {actionLabel(t, a)}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
        <Field label={t("system.audit.filter.q")} id="audit-q">
          <Input name="q" type="search" defaultValue={values.q ?? ""} placeholder={t("system.audit.filter.qPlaceholder")} />
        </Field>
        <div className="hidden lg:block" />
        <Field label={`${t("system.audit.filter.from")} (UTC)`} id="audit-from">
          <Input name="from" type="date" defaultValue={values.from ?? ""} />
        </Field>
        <Field label={`${t("system.audit.filter.to")} (UTC)`} id="audit-to">
          <Input name="to" type="date" defaultValue={values.to ?? ""} />
        </Field>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-2">
          <button type="submit" className={buttonClasses({ variant: "primary" })}>
            {t("system.audit.filter.apply")}
          </button>
          {hasFilters ? (
            <Link href="/admin/audit" className={buttonClasses({ variant: "ghost" })}>
              {t("system.audit.filter.clear")}
            </Link>
          ) : null}
        </div>
      </form>
    </search>
  );
}
