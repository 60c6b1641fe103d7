"use client";

// The customer page's money: hourly rates (customer, contract, project or one person there, each
// from a day on, in the customer's currency) and invoice exports (a period's billable time not
// invoiced yet: preview, export — which marks and locks the entries —, CSV and PDF downloads,
// administrators void an export to unlock its entries). The same REST routes scripts use.
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { Badge } from "@/components/ui/badge.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";
import { PlusIcon } from "@/components/ui/icons.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { Select } from "@/components/ui/select.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { formatMoney } from "@/lib/billing/money.ts";
import type { RateJson } from "@/lib/billing/rates.ts";
import { formatDuration } from "@/lib/time/duration.ts";

type Place = { level: "customer" | "contract" | "project"; id: string };
type Option = { id: number | string; name: string };

function useToastError() {
  const t = useT();
  return (message: string) => toast(message || t("common.error.generic"), { variant: "error" });
}

const today = () => new Date().toISOString().slice(0, 10);
const firstOfMonth = () => `${today().slice(0, 8)}01`;

export function RatesSection({
  slug,
  currency,
  canEdit,
  contracts,
  projects,
  people,
}: {
  slug: string;
  currency: string;
  canEdit: boolean;
  contracts: Option[];
  projects: Option[];
  people: string[];
}) {
  const t = useT();
  const language = useLanguage();
  const showError = useToastError();
  const [rates, setRates] = useState<RateJson[] | null>(null);
  const [place, setPlace] = useState<Place>({ level: "customer", id: "" });
  const [username, setUsername] = useState("");
  const [rate, setRate] = useState("");
  const [validFrom, setValidFrom] = useState(today());
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const res = await api<{ rates: RateJson[] }>("GET", `/rates?customer=${encodeURIComponent(slug)}`);
    setRates(res.ok ? res.data.rates : []);
  }, [slug]);
  useEffect(() => {
    void load();
  }, [load]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const where =
      place.level === "customer"
        ? { customerSlug: slug }
        : place.level === "contract"
          ? { contractId: Number(place.id) }
          : { projectSlug: place.id };
    const res = await api<RateJson>("POST", "/rates", {
      ...where,
      rate: rate.trim(),
      validFrom,
      ...(username ? { username } : {}),
    });
    setBusy(false);
    if (!res.ok) return showError(res.error.message);
    setRate("");
    toast(t("rates.saved"), { variant: "success" });
    await load();
  }

  async function onDelete(r: RateJson) {
    const res = await api("DELETE", `/rates/${r.id}`);
    if (!res.ok) return showError(res.error.message);
    await load();
  }

  const placeName = (r: RateJson) =>
    r.level === "project"
      ? (r.project?.name ?? "")
      : r.level === "contract"
        ? (r.contract?.name ?? "")
        : r.level === "customer"
          ? t("rates.level.customer")
          : t("rates.level.user");

  const placeValue = `${place.level}:${place.id}`;

  return (
    <SectionCard id="customer-rates" title={t("rates.title")} description={t("rates.description", { currency })}>
      {rates === null ? null : rates.length === 0 ? (
        <p className="text-sm text-muted">{t("rates.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-[13px]" data-testid="rates">
            <caption className="sr-only">{t("rates.title")}</caption>
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="py-1.5 pr-3 font-medium">
                  {t("rates.col.place")}
                </th>
                <th scope="col" className="py-1.5 pr-3 font-medium">
                  {t("rates.col.person")}
                </th>
                <th scope="col" className="py-1.5 pr-3 font-medium">
                  {t("rates.col.from")}
                </th>
                <th scope="col" className="py-1.5 pr-3 text-right font-medium">
                  {t("rates.col.rate")}
                </th>
                <th scope="col" className="py-1.5 font-medium">
                  <span className="sr-only">{t("rates.col.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rates.map((r) => (
                <tr key={r.id} className="border-t border-border">
                  <td className="py-1.5 pr-3">
                    <Badge variant="outline" className="mr-1.5">
                      {t(`rates.level.${r.level}`)}
                    </Badge>
                    {r.level === "customer" ? null : placeName(r)}
                  </td>
                  <td className="py-1.5 pr-3 text-muted">{r.username ?? t("rates.everyone")}</td>
                  <td className="py-1.5 pr-3 tabular-nums">{r.validFrom}</td>
                  <td className="py-1.5 pr-3 text-right font-mono tabular-nums">
                    {formatMoney(r.rateMinor, r.currency, language)}
                  </td>
                  <td className="py-1.5 text-right">
                    {canEdit ? (
                      <Button size="sm" variant="ghost" onClick={() => onDelete(r)} aria-label={t("rates.delete")}>
                        ×
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <form onSubmit={onSubmit} className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" noValidate>
          <Field label={t("rates.col.place")} id="rate-place">
            <Select
              value={placeValue}
              onChange={(e) => {
                const [level, ...id] = e.target.value.split(":");
                setPlace({ level: level as Place["level"], id: id.join(":") });
              }}
            >
              <option value="customer:">{t("rates.level.customer")}</option>
              {contracts.map((c) => (
                <option key={`c${c.id}`} value={`contract:${c.id}`}>
                  {t("rates.level.contract")}: {c.name}
                </option>
              ))}
              {projects.map((p) => (
                <option key={`p${p.id}`} value={`project:${p.id}`}>
                  {t("rates.level.project")}: {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("rates.col.person")} id="rate-person">
            <Select value={username} onChange={(e) => setUsername(e.target.value)}>
              <option value="">{t("rates.everyone")}</option>
              {people.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("rates.col.from")} id="rate-from">
            <Input type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} required />
          </Field>
          <Field label={t("rates.perHour", { currency })} id="rate-amount">
            <Input inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} placeholder="95.00" required />
          </Field>
          <Button type="submit" variant="primary" loading={busy} disabled={!rate.trim()}>
            <PlusIcon size={14} />
            {t("rates.add")}
          </Button>
        </form>
      ) : null}
    </SectionCard>
  );
}

type Invoice = {
  id: number;
  from: string;
  to: string;
  contract: { id: number; name: string } | null;
  currency: string;
  entryCount: number;
  totalMinutes: number;
  totalMinor: number;
  voided: boolean;
  createdAt: string;
};
type Preview = { total: { minutes: number; amountMinor: number; entries: number }; currency: string };

export function InvoicesSection({
  slug,
  canEdit,
  isAdmin,
  contracts,
}: {
  slug: string;
  canEdit: boolean;
  isAdmin: boolean;
  contracts: Option[];
}) {
  const t = useT();
  const language = useLanguage();
  const showError = useToastError();
  const [from, setFrom] = useState(firstOfMonth());
  const [to, setTo] = useState(today());
  const [contract, setContract] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [invoices, setInvoices] = useState<Invoice[] | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/customers/${encodeURIComponent(slug)}`;
  const query = `from=${from}&to=${to}${contract ? `&contract=${contract}` : ""}&locale=${language === "de" ? "de" : "en"}`;

  const loadInvoices = useCallback(async () => {
    const res = await api<{ invoices: Invoice[] }>("GET", `${base}/invoices`);
    setInvoices(res.ok ? res.data.invoices : []);
  }, [base]);
  useEffect(() => {
    void loadInvoices();
  }, [loadInvoices]);
  useEffect(() => {
    let stale = false;
    if (!from || !to || from > to) return;
    void api<Preview>("GET", `${base}/timesheet?from=${from}&to=${to}${contract ? `&contract=${contract}` : ""}`).then((res) => {
      if (!stale) setPreview(res.ok ? res.data : null);
    });
    return () => {
      stale = true;
    };
  }, [base, from, to, contract]);

  async function onExport() {
    setBusy(true);
    const res = await api<Invoice>("POST", `${base}/invoices`, {
      from,
      to,
      ...(contract ? { contractId: Number(contract) } : {}),
    });
    setBusy(false);
    if (!res.ok) return showError(res.error.message);
    toast(t("invoices.exported"), { variant: "success" });
    setPreview((p) => (p ? { ...p, total: { minutes: 0, amountMinor: 0, entries: 0 } } : p));
    await loadInvoices();
  }

  async function onVoid(inv: Invoice) {
    const res = await api("POST", `${base}/invoices/${inv.id}/void`);
    if (!res.ok) return showError(res.error.message);
    toast(t("invoices.voided"), { variant: "success" });
    await loadInvoices();
  }

  const money = (minor: number, currency: string) => formatMoney(minor, currency, language);
  const download = (path: string, label: string, format: "csv" | "pdf") => (
    <a
      href={`/api/v1${path}${path.includes("?") ? "&" : "?"}format=${format}`}
      className={buttonClasses({ size: "sm" })}
      download
    >
      {label}
    </a>
  );

  return (
    <SectionCard id="customer-invoices" title={t("invoices.title")} description={t("invoices.description")}>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("invoices.from")} id="invoice-from">
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t("invoices.to")} id="invoice-to">
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field label={t("invoices.contract")} id="invoice-contract">
          <Select value={contract} onChange={(e) => setContract(e.target.value)}>
            <option value="">{t("invoices.allContracts")}</option>
            {contracts.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3 rounded-md bg-surface-2 px-3 py-2 text-[13px]">
        <span data-testid="invoice-preview">
          {preview
            ? t("invoices.preview", {
                entries: preview.total.entries,
                hours: formatDuration(preview.total.minutes),
                amount: money(preview.total.amountMinor, preview.currency),
              })
            : "…"}
        </span>
        <span className="flex flex-wrap gap-2">
          {download(`${base}/timesheet?${query}`, t("invoices.previewCsv"), "csv")}
          {download(`${base}/timesheet?${query}`, t("invoices.previewPdf"), "pdf")}
          {canEdit ? (
            <Button
              size="sm"
              variant="primary"
              loading={busy}
              disabled={!preview || preview.total.entries === 0}
              onClick={onExport}
            >
              {t("invoices.export")}
            </Button>
          ) : null}
        </span>
      </div>
      {invoices && invoices.length > 0 ? (
        <ul className="mt-4 divide-y divide-border" data-testid="invoices">
          {invoices.map((inv) => (
            <li key={inv.id} className="flex flex-col gap-2 py-2 text-[13px] sm:flex-row sm:items-center sm:justify-between">
              <span className="min-w-0">
                <span className="font-medium">
                  #{inv.id} · {inv.from} – {inv.to}
                </span>
                {inv.contract ? <span className="text-muted"> · {inv.contract.name}</span> : null}
                <span className="block text-xs text-muted">
                  {t("invoices.totals", {
                    entries: inv.entryCount,
                    hours: formatDuration(inv.totalMinutes),
                    amount: money(inv.totalMinor, inv.currency),
                  })}
                </span>
              </span>
              <span className="flex flex-wrap items-center gap-2">
                {inv.voided ? (
                  <Badge variant="warning">{t("invoices.voidedBadge")}</Badge>
                ) : (
                  <>
                    {download(`${base}/invoices/${inv.id}?locale=${language === "de" ? "de" : "en"}`, "CSV", "csv")}
                    {download(`${base}/invoices/${inv.id}?locale=${language === "de" ? "de" : "en"}`, "PDF", "pdf")}
                    {isAdmin ? (
                      <Button size="sm" variant="ghost" onClick={() => onVoid(inv)}>
                        {t("invoices.void")}
                      </Button>
                    ) : null}
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}
