import Link from "next/link";
import { buttonClasses } from "@/components/ui/button.tsx";
import type { AuditRow } from "@/lib/audit/list.ts";
import { displayIp } from "@/lib/http/display-ip.ts";
import { translator } from "@/lib/i18n/index.ts";
import { intlLocale } from "@/lib/i18n/locales.ts";
import { actionLabel } from "./audit-labels.ts";

/** "Firefox 140 · Linux" from a user agent string; the full string stays in the title. */
export function shortUserAgent(ua: string): string {
  const browser =
    /\b(Edg|OPR|Firefox|HeadlessChrome|Chrome|CriOS|FxiOS|curl|python-requests|node-fetch|undici)\/(\d+(?:\.\d+)?)/.exec(ua) ??
    /\bVersion\/(\d+).*\b(Safari)\//.exec(ua)?.slice(0).reverse();
  const name = browser
    ? (({ Edg: "Edge", OPR: "Opera", HeadlessChrome: "Chrome", CriOS: "Chrome", FxiOS: "Firefox" } as Record<string, string>)[
        browser[1]
      ] ?? browser[1])
    : null;
  const os = /Windows|Android|iPhone|iPad|Mac OS X|Linux|CrOS/
    .exec(ua)?.[0]
    ?.replace("Mac OS X", "macOS")
    .replace("CrOS", "ChromeOS");
  const label = [name && browser ? `${name} ${browser[2].split(".")[0]}` : null, os].filter(Boolean).join(" · ");
  return label || ua.slice(0, 40);
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function Details({ row }: { row: AuditRow }) {
  const entries: [string, unknown][] = [];
  if (row.resourceType) entries.push([row.resourceType, row.resourceId ?? ""]);
  for (const [k, v] of Object.entries(row.details ?? {})) entries.push([k, v]);
  if (!entries.length) return <span className="text-muted">–</span>;
  return (
    <dl className="flex flex-col gap-0.5 text-xs">
      {entries.map(([k, v]) => (
        <div key={k} className="flex min-w-0 gap-1.5">
          <dt className="shrink-0 text-muted">{k}</dt>
          <dd className="min-w-0 truncate font-mono" title={formatValue(v)}>
            {formatValue(v)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The audit rows, newest first, with links to older pages (cursor) and back to the newest. */
export function AuditTable({
  rows,
  language,
  older,
  newest,
}: {
  rows: AuditRow[];
  language: string;
  older: string | null;
  newest: string | null;
}) {
  const t = translator(language);
  const when = new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: "UTC",
  });
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-x-auto rounded-lg border border-border bg-surface shadow-sm">
        <table className="w-full min-w-[820px] table-fixed text-left text-sm">
          <colgroup>
            <col className="w-[9.5rem]" />
            <col className="w-[9rem]" />
            <col className="w-[10rem]" />
            <col className="w-[10rem]" />
            <col className="w-[8rem]" />
            <col />
          </colgroup>
          <caption className="sr-only">{t("system.audit.title")}</caption>
          <thead className="border-b border-border bg-surface-2 text-xs text-muted">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("system.audit.col.when")} (UTC)
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("system.audit.col.who")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("system.audit.col.what")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("system.audit.col.ip")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("system.audit.col.userAgent")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("system.audit.col.details")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-8 text-center text-muted">
                  {t("system.audit.empty")}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} data-audit-action={row.action} className="align-top">
                  <td className="px-3 py-2 text-xs tabular-nums">
                    <time dateTime={new Date(row.createdAt).toISOString()}>{when.format(new Date(row.createdAt))}</time>
                  </td>
                  <td className="truncate px-3 py-2">
                    {row.user ? (
                      row.user.deleted ? (
                        <span className="text-muted">{t("system.audit.formerUser", { username: row.user.username })}</span>
                      ) : (
                        <Link
                          href={`/admin/audit?user=${encodeURIComponent(row.user.username)}`}
                          className="font-medium text-text hover:text-accent hover:underline"
                        >
                          {row.user.username}
                        </Link>
                      )
                    ) : (
                      <span className="text-muted">{t("system.audit.nobody")}</span>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <span className={row.action.endsWith("_failed") || row.action === "auth.locked" ? "text-danger" : undefined}>
                      {actionLabel(t, row.action)}
                    </span>
                    <span className="block font-mono text-[11px] text-muted">{row.action}</span>
                  </td>
                  <td className="break-all px-3 py-2 font-mono text-xs" title={row.ip ?? undefined}>
                    {displayIp(row.ip) ?? "–"}
                  </td>
                  <td className="px-3 py-2 text-xs text-muted">
                    <span title={row.userAgent ?? undefined}>{row.userAgent ? shortUserAgent(row.userAgent) : "–"}</span>
                  </td>
                  <td className="px-3 py-2">
                    <Details row={row} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {newest || older ? (
        <nav aria-label={t("system.audit.title")} className="flex items-center justify-between gap-2">
          {newest ? (
            <Link href={newest} className={buttonClasses({ variant: "ghost", size: "sm" })}>
              ← {t("system.audit.newer")}
            </Link>
          ) : (
            <span />
          )}
          {older ? (
            <Link href={older} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="next">
              {t("system.audit.older")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
