"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { LiveRefresh } from "@/components/realtime/live-refresh.tsx";
import { PageContainer, PageHeader } from "@/components/shell/page-header.tsx";
import { BurnDownChart } from "@/components/time/charts.tsx";
import { EntryDialog } from "@/components/time/entry-dialog.tsx";
import type { BookingTargets } from "@/components/time/shared.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { BarChartIcon, ClockIcon, PlusIcon } from "@/components/ui/icons.tsx";
import { Input } from "@/components/ui/input.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { Select } from "@/components/ui/select.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { formatMoney } from "@/lib/billing/money.ts";
import type { ContractJson } from "@/lib/customers/contracts.ts";
import type { CustomerOverview } from "@/lib/customers/overview.ts";
import { customerRoom } from "@/lib/realtime/events.ts";
import { formatDuration } from "@/lib/time/duration.ts";
import { InvoicesSection, RatesSection } from "./billing-sections.tsx";
import { BurnBar, LevelBadge, useShortDate } from "./burn.tsx";
import { ContractDialog } from "./contract-dialog.tsx";
import { CustomerDialog } from "./customer-dialog.tsx";
import { customerColour, FavouriteButton } from "./customer-list.tsx";

type Burndown = {
  contract: ContractJson;
  points: { date: string; usedMinutes: number }[];
  forecast: { date: string; usedMinutes: number }[];
};

export function CustomerDetail({
  data,
  targets,
  isAdmin = false,
}: {
  data: CustomerOverview;
  targets: BookingTargets;
  isAdmin?: boolean;
}) {
  const language = useLanguage();
  const t = useT();
  const router = useRouter();
  const { customer, contracts, projects, recentEntries, team } = data;
  const date = useShortDate();
  const canEdit = customer.role === "editor" && !customer.isArchived;
  const [editing, setEditing] = useState(false);
  const [contractDialog, setContractDialog] = useState<ContractJson | "new" | null>(null);
  const [logging, setLogging] = useState(false);
  const [selected, setSelected] = useState<number | null>(
    contracts.find((c) => c.status === "active")?.id ?? contracts[0]?.id ?? null,
  );

  async function setArchived(archived: boolean) {
    const res = await api("POST", `/customers/${encodeURIComponent(customer.slug)}/${archived ? "archive" : "restore"}`);
    if (res.ok) router.refresh();
    else toast(res.error.message || t("common.error.generic"), { variant: "error" });
  }

  return (
    <PageContainer className="max-w-7xl">
      <nav className="mb-3 flex items-center justify-between gap-3 text-[13px]">
        <Link href="/customers" className="text-muted hover:text-text">
          ← {t("customers.back")}
        </Link>
        {/* Hours booked by anyone on this customer show up here as they are booked. */}
        <LiveRefresh rooms={[customerRoom(customer.id)]} eventPrefix="time_entry." />
      </nav>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            <span aria-hidden="true" className="size-4 rounded" style={{ background: customerColour(customer) }} />
            <span data-testid="customer-name">{customer.name}</span>
            <FavouriteButton slug={customer.slug} name={customer.name} isFavorite={customer.isFavorite} />
            {customer.isArchived ? <Badge variant="warning">{t("customers.archived")}</Badge> : null}
          </span>
        }
        description={customer.description ?? undefined}
        actions={
          <>
            <Link href={`/time/reports?customer=${customer.slug}`} className={buttonClasses({ variant: "secondary" })}>
              <BarChartIcon />
              {t("time.reports.title")}
            </Link>
            {customer.role === "editor" ? (
              customer.isArchived ? (
                <Button onClick={() => setArchived(false)}>{t("customers.restore")}</Button>
              ) : (
                <>
                  <Button onClick={() => setEditing(true)}>{t("common.edit")}</Button>
                  <Button variant="ghost" onClick={() => setArchived(true)}>
                    {t("customers.archive")}
                  </Button>
                  <Button variant="primary" onClick={() => setLogging(true)}>
                    <ClockIcon />
                    {t("time.entry.log")}
                  </Button>
                </>
              )
            ) : (
              <Badge variant="neutral">{t("customers.role.viewer")}</Badge>
            )}
          </>
        }
      />

      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <SectionCard
            id="customer-contracts"
            title={t("customers.contracts")}
            actions={
              canEdit ? (
                <Button size="sm" onClick={() => setContractDialog("new")}>
                  <PlusIcon size={14} />
                  {t("customers.contract.new")}
                </Button>
              ) : null
            }
          >
            {contracts.length === 0 ? (
              <p className="text-sm text-muted">{t("customers.contracts.empty")}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {contracts.map((c) => (
                  <ContractRow
                    key={c.id}
                    slug={customer.slug}
                    contract={c}
                    selected={selected === c.id}
                    onSelect={() => setSelected(c.id)}
                    onEdit={canEdit ? () => setContractDialog(c) : undefined}
                  />
                ))}
              </ul>
            )}
            {selected !== null ? <BurnDown slug={customer.slug} contractId={selected} initial={data.burndown} /> : null}
          </SectionCard>

          <RatesSection
            slug={customer.slug}
            currency={customer.currency}
            canEdit={canEdit}
            contracts={contracts.map((c) => ({ id: c.id, name: c.name }))}
            projects={projects.map((p) => ({ id: p.slug, name: p.name }))}
            people={team.people.map((p) => p.username)}
          />
          <InvoicesSection
            slug={customer.slug}
            canEdit={canEdit}
            isAdmin={isAdmin}
            contracts={contracts.map((c) => ({ id: c.id, name: c.name }))}
          />

          <SectionCard id="customer-entries" title={t("customers.recentEntries")}>
            {recentEntries.length === 0 ? (
              <p className="text-sm text-muted">{t("time.week.empty")}</p>
            ) : (
              <ul className="divide-y divide-border" data-testid="customer-entries">
                {recentEntries.map((e) => (
                  <li key={e.id} className="flex items-center gap-3 py-2 text-[13px]">
                    <span className="w-24 shrink-0 text-xs text-muted">{date(e.date)}</span>
                    <Avatar username={e.user.username} size="xs" decorative />
                    <span className="min-w-0 flex-1 truncate">
                      {e.card ? <span className="mr-1.5 font-mono text-xs text-muted">{e.card.key}</span> : null}
                      {e.description || e.card?.title || e.project?.name || t("time.entry.noDescription")}
                    </span>
                    <span className="hidden truncate text-xs text-muted sm:inline">{e.contract?.name ?? ""}</span>
                    <span className="w-12 shrink-0 text-right font-mono tabular-nums">{formatDuration(e.minutes)}</span>
                    <span
                      className="w-20 shrink-0 text-right font-mono text-xs tabular-nums text-muted"
                      data-testid="entry-amount"
                      title={e.billable ? t("time.entry.billable") : undefined}
                    >
                      {e.billable && e.currency ? formatMoney(e.amountMinor, e.currency, language) : "–"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>
        </div>

        <div className="flex flex-col gap-6">
          <SectionCard id="customer-contact" title={t("customers.contactDetails")}>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-[13px]">
              {(
                [
                  ["customers.field.contact", customer.contact],
                  ["customers.field.email", customer.email],
                  ["customers.field.phone", customer.phone],
                  ["customers.field.address", customer.address],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="text-muted">{t(key)}</dt>
                  <dd className="break-words whitespace-pre-line">
                    {value ? (
                      key === "customers.field.email" ? (
                        <a href={`mailto:${value}`} className="text-accent hover:underline">
                          {value}
                        </a>
                      ) : (
                        value
                      )
                    ) : (
                      <span className="text-muted">–</span>
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          </SectionCard>

          <SectionCard id="customer-projects" title={t("customers.projectsTitle")}>
            {projects.length === 0 ? (
              <p className="text-sm text-muted">{t("customers.projects.empty")}</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {projects.map((p) => (
                  <li key={p.id}>
                    <Link
                      href={`/${p.slug}`}
                      className="flex items-center gap-2 rounded-md px-2 py-1.5 text-[13px] hover:bg-surface-2"
                    >
                      <span className="font-mono text-xs text-muted">{p.key}</span>
                      <span className="truncate font-medium">{p.name}</span>
                      {p.isArchived ? <Badge variant="warning">{t("projects.archived")}</Badge> : null}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </SectionCard>

          <Team slug={customer.slug} team={team} canEdit={canEdit} />
        </div>
      </div>

      <CustomerDialog open={editing} onOpenChange={setEditing} customer={customer} />
      <ContractDialog
        open={contractDialog !== null}
        onOpenChange={(open) => {
          if (!open) setContractDialog(null);
        }}
        customerSlug={customer.slug}
        contract={contractDialog && contractDialog !== "new" ? contractDialog : undefined}
      />
      <EntryDialog
        open={logging}
        onOpenChange={setLogging}
        targets={targets}
        draft={{ target: `c:${customer.slug}` }}
        onSaved={() => router.refresh()}
      />
    </PageContainer>
  );
}

function ContractRow({
  slug,
  contract: c,
  selected,
  onSelect,
  onEdit,
}: {
  slug: string;
  contract: ContractJson;
  selected: boolean;
  onSelect: () => void;
  onEdit?: () => void;
}) {
  const t = useT();
  const date = useShortDate();
  const range = [c.startDate ? date(c.startDate) : null, c.endDate ? date(c.endDate) : null];
  return (
    <li
      className={cn("rounded-lg border p-3", selected ? "border-accent/50 bg-accent-soft/30" : "border-border")}
      data-testid="contract"
      data-contract-name={c.name}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <button type="button" onClick={onSelect} aria-pressed={selected} className="font-semibold text-text hover:text-accent">
          {c.name}
        </button>
        <Badge variant={c.status === "active" ? "success" : "neutral"}>{t(`customers.contract.status.${c.status}`)}</Badge>
        <LevelBadge contract={c} />
        <span className="text-xs text-muted">
          {range[0] || range[1] ? `${range[0] ?? "…"} – ${range[1] ?? "…"}` : t("customers.contract.openEnded")}
        </span>
        <Link
          href={`/time/reports?customer=${slug}&contract=${c.id}&groupBy=week`}
          className={cn(buttonClasses({ variant: "ghost", size: "sm" }), "ml-auto")}
        >
          {t("time.reports.title")}
        </Link>
        {onEdit ? (
          <Button size="sm" variant="ghost" onClick={onEdit}>
            {t("common.edit")}
          </Button>
        ) : null}
      </div>
      <BurnBar contract={c} />
    </li>
  );
}

function BurnDown({
  slug,
  contractId,
  initial,
}: {
  slug: string;
  contractId: number;
  /** What the server loaded with the page (the first active contract's); new after every refresh. */
  initial: Burndown | null;
}) {
  const t = useT();
  const [data, setData] = useState<Burndown | null>(initial?.contract.id === contractId ? initial : null);
  useEffect(() => {
    if (initial && initial.contract.id === contractId) {
      setData(initial);
      return;
    }
    let stale = false;
    void api<Burndown>("GET", `/customers/${encodeURIComponent(slug)}/contracts/${contractId}/burndown`).then((res) => {
      if (!stale && res.ok) setData(res.data);
    });
    return () => {
      stale = true;
    };
  }, [slug, contractId, initial]);
  if (!data || data.contract.id !== contractId) return <div className="mt-4 h-60" aria-busy="true" />;
  return (
    <div className="mt-4">
      <h3 className="mb-2 text-sm font-medium">{t("time.burn.title", { name: data.contract.name })}</h3>
      <BurnDownChart
        points={data.points}
        forecast={data.forecast}
        contractedMinutes={data.contract.contractedMinutes}
        startDate={data.contract.startDate}
        endDate={data.contract.endDate}
        label={t("time.burn.title", { name: data.contract.name })}
      />
    </div>
  );
}

function Team({ slug, team, canEdit }: { slug: string; team: CustomerOverview["team"]; canEdit: boolean }) {
  const t = useT();
  const router = useRouter();
  const [username, setUsername] = useState("");
  const [role, setRole] = useState("viewer");
  const [busy, setBusy] = useState(false);
  async function add(event: FormEvent) {
    event.preventDefault();
    if (!username.trim()) return;
    setBusy(true);
    const res = await api("PUT", `/customers/${encodeURIComponent(slug)}/access/${encodeURIComponent(username.trim())}`, {
      role,
    });
    setBusy(false);
    if (!res.ok) {
      toast(res.error.message || t("common.error.generic"), { variant: "error" });
      return;
    }
    setUsername("");
    toast(t("customers.team.added", { username: username.trim() }), { variant: "success" });
    router.refresh();
  }
  async function remove(name: string) {
    const res = await api("DELETE", `/customers/${encodeURIComponent(slug)}/access/${encodeURIComponent(name)}`);
    if (res.ok) router.refresh();
    else toast(res.error.message || t("common.error.generic"), { variant: "error" });
  }
  return (
    <SectionCard id="customer-team" title={t("customers.team")} description={t("customers.team.hint")}>
      <ul className="flex flex-col gap-1.5" data-testid="customer-team">
        {team.people.map((p) => (
          <li key={p.id} className="flex items-center gap-2 text-[13px]">
            <Avatar username={p.username} size="sm" decorative />
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium">{p.username}</span>
              <span className="block truncate text-xs text-muted">
                {[p.role ? t(`customers.role.${p.role}`) : t("customers.role.admin"), ...p.groups].join(" · ")}
              </span>
            </span>
            <span className="font-mono text-xs text-muted tabular-nums" title={t("customers.team.last30")}>
              {formatDuration(p.minutes30)}
            </span>
            {canEdit && p.directRole ? (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => remove(p.username)}
                aria-label={t("customers.team.remove", { username: p.username })}
              >
                ×
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form onSubmit={add} className="mt-3 grid grid-cols-[minmax(0,1fr)_auto] gap-2">
          <Input
            className="col-span-2"
            size="sm"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            placeholder={t("customers.team.username")}
            aria-label={t("customers.team.username")}
          />
          <Select
            value={role}
            onChange={(e) => setRole(e.target.value)}
            aria-label={t("customers.team.role")}
            className="h-7 text-xs"
          >
            <option value="viewer">{t("customers.role.viewer")}</option>
            <option value="editor">{t("customers.role.editor")}</option>
          </Select>
          <Button size="sm" type="submit" loading={busy}>
            {t("customers.team.add")}
          </Button>
        </form>
      ) : null}
    </SectionCard>
  );
}
