"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { api } from "@/components/project-settings/api.ts";
import { PageHeader } from "@/components/shell/page-header.tsx";
import { hueFor } from "@/components/ui/avatar.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { BuildingIcon, PlusIcon, SearchIcon, StarIcon } from "@/components/ui/icons.tsx";
import { Input } from "@/components/ui/input.tsx";
import { Kbd } from "@/components/ui/kbd.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { ContractJson } from "@/lib/customers/contracts.ts";
import type { CustomerJson } from "@/lib/customers/customers.ts";
import { BurnBar, LevelBadge } from "./burn.tsx";
import { CustomerDialog } from "./customer-dialog.tsx";

export type CustomerSummary = CustomerJson & { projectCount: number; activeContracts?: ContractJson[] };

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export const customerColour = (c: { name: string; color: string | null }) => c.color ?? `hsl(${hueFor(c.name)} 42% 48%)`;

export function CustomerList({ customers, showArchived }: { customers: CustomerSummary[]; showArchived: boolean }) {
  const t = useT();
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const deferred = useDeferredValue(query);
  const newButton = useRef<HTMLButtonElement>(null);
  const shown = useMemo(() => {
    const q = deferred.trim().toLowerCase();
    return q ? customers.filter((c) => [c.name, c.slug, c.contact ?? ""].some((s) => s.toLowerCase().includes(q))) : customers;
  }, [customers, deferred]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== "n" || event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector("[role=dialog],[role=menu]")) return;
      event.preventDefault();
      setCreating(true);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const favourites = shown.filter((c) => c.isFavorite && !c.isArchived);
  const others = shown.filter((c) => !c.isFavorite || c.isArchived);
  return (
    <>
      <PageHeader
        title={t("customers.title")}
        description={t("customers.count", { count: customers.length })}
        actions={
          <>
            <Link
              href={showArchived ? "/customers" : "/customers?archived=1"}
              className={buttonClasses({ variant: "ghost", size: "sm" })}
            >
              {showArchived ? t("customers.hideArchived") : t("customers.showArchived")}
            </Link>
            {customers.length > 0 ? (
              <div className="relative">
                <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-muted" />
                <Input
                  type="search"
                  value={query}
                  onChange={(e) => setQuery(e.target.value)}
                  aria-label={t("customers.search")}
                  placeholder={t("customers.searchPlaceholder")}
                  className="w-64 pl-8"
                />
              </div>
            ) : null}
            <Button ref={newButton} variant="primary" onClick={() => setCreating(true)} aria-keyshortcuts="n">
              <PlusIcon />
              {t("customers.new")}
              <Kbd className="ml-1 hidden border-transparent bg-accent-fg/20 text-accent-fg sm:inline-flex">N</Kbd>
            </Button>
          </>
        }
      />
      {customers.length === 0 ? (
        <section className="mt-6 flex flex-col items-center gap-4 rounded-xl border border-dashed border-border bg-surface px-6 py-16 text-center">
          <span className="flex size-12 items-center justify-center rounded-xl bg-accent-soft text-accent">
            <BuildingIcon size={24} />
          </span>
          <div className="flex max-w-md flex-col gap-1.5">
            <h2 className="text-base font-semibold">{t("customers.empty.title")}</h2>
            <p className="text-sm text-muted">{t("customers.empty.body")}</p>
          </div>
        </section>
      ) : (
        <>
          <Grid customers={favourites} heading={favourites.length && others.length ? t("customers.favourites") : null} />
          <Grid customers={others} heading={favourites.length && others.length ? t("customers.all") : null} />
        </>
      )}
      <CustomerDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}

function Grid({ customers, heading }: { customers: CustomerSummary[]; heading: string | null }) {
  if (customers.length === 0) return null;
  return (
    <section className="mt-6">
      {heading ? <h2 className="mb-3 text-sm font-medium text-muted">{heading}</h2> : null}
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {customers.map((c) => (
          <li key={c.id} className="relative">
            <CustomerCard customer={c} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FavouriteButton({ slug, name, isFavorite }: { slug: string; name: string; isFavorite: boolean }) {
  const t = useT();
  const router = useRouter();
  const [on, setOn] = useState(isFavorite);
  useEffect(() => setOn(isFavorite), [isFavorite]);
  async function toggle() {
    const next = !on;
    setOn(next);
    const res = await api(next ? "PUT" : "DELETE", `/customers/${encodeURIComponent(slug)}/favorite`);
    if (!res.ok) {
      setOn(!next);
      toast(t("common.error.generic"), { variant: "error" });
      return;
    }
    router.refresh();
  }
  return (
    <button
      type="button"
      aria-pressed={on}
      aria-label={t("customers.favourite", { name })}
      title={t("customers.favourite", { name })}
      onClick={toggle}
      className={cn(
        "flex size-7 items-center justify-center rounded-md hover:bg-surface-2",
        on ? "text-warning" : "text-muted hover:text-text",
      )}
    >
      <StarIcon size={15} filled={on} />
    </button>
  );
}

function CustomerCard({ customer: c }: { customer: CustomerSummary }) {
  const t = useT();
  const contract = c.activeContracts?.[0];
  return (
    <div
      className={cn(
        "flex h-full flex-col gap-3 rounded-lg border border-border bg-surface p-4 shadow-sm",
        c.isArchived && "opacity-75",
      )}
    >
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className="flex size-9 shrink-0 items-center justify-center rounded-md text-sm font-semibold text-white"
          style={{ background: customerColour(c) }}
        >
          {c.name.trim().charAt(0).toUpperCase()}
        </span>
        <div className="flex min-w-0 flex-1 flex-col">
          <Link href={`/customers/${c.slug}`} className="truncate font-semibold text-text hover:text-accent">
            {c.name}
          </Link>
          <span className="truncate text-xs text-muted">
            {[c.contact, t("customers.projects", { count: c.projectCount })].filter(Boolean).join(" · ")}
          </span>
        </div>
        <FavouriteButton slug={c.slug} name={c.name} isFavorite={c.isFavorite} />
      </div>
      {contract ? (
        <div className="mt-auto flex flex-col gap-1.5">
          <div className="flex items-center justify-between gap-2 text-xs">
            <span className="truncate text-muted">{contract.name}</span>
            <LevelBadge contract={contract} />
          </div>
          <BurnBar contract={contract} compact />
        </div>
      ) : (
        <p className="mt-auto text-xs text-muted">{t("customers.noActiveContract")}</p>
      )}
      {c.isArchived ? (
        <Badge variant="warning" className="self-start">
          {t("customers.archived")}
        </Badge>
      ) : null}
    </div>
  );
}
