"use client";

// Outbound webhooks of a project (project settings, its admins) or of the instance (admin page):
// URL, events, on/off, the secret shown once (at creation and when a new one is made), the delivery
// log with each attempt's response code, and re-sending a delivery. The same REST routes scripts use.
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import { type ApiError, api } from "@/components/project-settings/api.ts";
import { Badge, type BadgeVariant } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { CheckIcon, PlusIcon } from "@/components/ui/icons.tsx";
import { Field, Input, Label } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { useCopy } from "@/components/ui/use-copy.ts";
import type { MessageKey } from "@/lib/i18n/index.ts";

export const OUTBOUND_EVENT_NAMES = [
  "card.created",
  "card.moved",
  "card.updated",
  "card.deleted",
  "comment.created",
  "time_entry.created",
  "contract.threshold_crossed",
] as const;
type EventName = (typeof OUTBOUND_EVENT_NAMES)[number];

export type OutboundHook = {
  id: number;
  projectId: number | null;
  name: string | null;
  url: string;
  events: string[];
  isActive: boolean;
  createdAt: string;
};

type Delivery = {
  id: number;
  event: string;
  eventId: string;
  status: "pending" | "delivering" | "succeeded" | "failed";
  attempts: number;
  responseCode: number | null;
  error: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  attemptLog: { responseCode: number | null; durationMs: number; error: string | null; createdAt: string }[];
};

const STATUS_VARIANT: Record<Delivery["status"], BadgeVariant> = {
  pending: "warning",
  delivering: "accent",
  succeeded: "success",
  failed: "danger",
};

/** A message for a refused request: the server's own text for bad input (e.g. a refused URL). */
function useShowError() {
  const t = useT();
  return (error: ApiError) => {
    const key: MessageKey =
      error.code === "network"
        ? "common.error.network"
        : error.code === "forbidden"
          ? "projects.settings.error.forbidden"
          : "common.error.generic";
    toast(error.code === "validation" && error.message ? error.message : t(key), { variant: "error" });
  };
}

export function OutboundWebhooks({
  base,
  initial,
  canEdit,
  headingId,
}: {
  /** The REST collection, under /api/v1: `/projects/<slug>/outbound-webhooks` or `/admin/outbound-webhooks`. */
  base: string;
  initial: OutboundHook[];
  canEdit: boolean;
  headingId: string;
}) {
  const t = useT();
  const showError = useShowError();
  const [hooks, setHooks] = useState(initial);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [deleting, setDeleting] = useState<OutboundHook | null>(null);
  const [logOf, setLogOf] = useState<OutboundHook | null>(null);
  const [busy, setBusy] = useState(false);

  async function patch(hook: OutboundHook, body: Record<string, unknown>) {
    const res = await api<OutboundHook & { secret?: string }>("PATCH", `${base}/${hook.id}`, body);
    if (!res.ok) return showError(res.error);
    const { secret: s, ...row } = res.data;
    setHooks((list) => list.map((h) => (h.id === hook.id ? row : h)));
    if (s) setSecret({ url: row.url, secret: s });
    else toast(t("common.saved"), { variant: "success" });
  }

  async function onDelete(hook: OutboundHook) {
    setBusy(true);
    const res = await api("DELETE", `${base}/${hook.id}`);
    setBusy(false);
    setDeleting(null);
    if (!res.ok) return showError(res.error);
    setHooks((list) => list.filter((h) => h.id !== hook.id));
    toast(t("outbound.deleted"), { variant: "success" });
  }

  const label = (h: OutboundHook) => h.name ?? new URL(h.url).host;

  return (
    <div data-heading={headingId}>
      {hooks.length === 0 ? (
        <p className="rounded-md border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
          {t("outbound.empty")}
        </p>
      ) : (
        <ul className="flex flex-col divide-y divide-border" data-testid="outbound-webhooks">
          {hooks.map((h) => (
            <li key={h.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <div className="flex items-center gap-2">
                  <span className="font-medium">{label(h)}</span>
                  <Badge variant={h.isActive ? "success" : "neutral"}>
                    {t(h.isActive ? "outbound.active" : "outbound.inactive")}
                  </Badge>
                </div>
                <div className="truncate font-mono text-xs text-muted" title={h.url}>
                  {h.url}
                </div>
                <div className="mt-1 flex flex-wrap gap-1">
                  {h.events.map((e) => (
                    <Badge key={e} variant="outline">
                      {e}
                    </Badge>
                  ))}
                </div>
              </div>
              <div className="flex flex-wrap gap-2 sm:justify-end">
                <Button size="sm" onClick={() => setLogOf(h)} aria-label={t("outbound.logOf", { name: label(h) })}>
                  {t("outbound.log")}
                </Button>
                {canEdit ? (
                  <>
                    <Button size="sm" onClick={() => patch(h, { isActive: !h.isActive })}>
                      {t(h.isActive ? "outbound.deactivate" : "outbound.activate")}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => patch(h, { rotateSecret: true })}>
                      {t("outbound.rotate")}
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={t("outbound.deleteLabel", { name: label(h) })}
                      onClick={() => setDeleting(h)}
                    >
                      {t("outbound.delete")}
                    </Button>
                  </>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <div className="mt-3 flex justify-end">
          <Button variant="primary" onClick={() => setCreating(true)}>
            <PlusIcon size={15} />
            {t("outbound.create")}
          </Button>
        </div>
      ) : null}

      <CreateDialog
        open={creating}
        onOpenChange={setCreating}
        base={base}
        onCreated={(hook) => {
          const { secret: s, ...row } = hook;
          setHooks((list) => [...list, row]);
          setCreating(false);
          setSecret({ url: row.url, secret: s });
        }}
      />

      <Dialog open={secret !== null} onOpenChange={(open) => !open && setSecret(null)}>
        {secret ? <ShownOnce secret={secret.secret} /> : null}
      </Dialog>

      <Dialog open={logOf !== null} onOpenChange={(open) => !open && setLogOf(null)}>
        {logOf ? <DeliveryLog base={`${base}/${logOf.id}`} title={label(logOf)} canEdit={canEdit} /> : null}
      </Dialog>

      <Dialog open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        {deleting ? (
          <DialogContent size="sm" title={t("outbound.deleteTitle")} description={t("outbound.deleteBody")}>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="ghost">{t("common.cancel")}</Button>
              </DialogClose>
              <Button variant="danger" loading={busy} onClick={() => onDelete(deleting)}>
                {t("outbound.delete")}
              </Button>
            </DialogFooter>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}

function CreateDialog({
  open,
  onOpenChange,
  base,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  base: string;
  onCreated: (hook: OutboundHook & { secret: string }) => void;
}) {
  const t = useT();
  const showError = useShowError();
  const [url, setUrl] = useState("");
  const [name, setName] = useState("");
  const [events, setEvents] = useState<Set<EventName>>(new Set(["card.created", "card.moved", "card.updated"]));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await api<OutboundHook & { secret: string }>("POST", base, {
      url: url.trim(),
      events: OUTBOUND_EVENT_NAMES.filter((n) => events.has(n)),
      ...(name.trim() ? { name: name.trim() } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      if (res.error.code === "validation") setError(res.error.message || t("common.error.generic"));
      else showError(res.error);
      return;
    }
    setUrl("");
    setName("");
    setError(null);
    onCreated(res.data);
  }

  const toggle = (n: EventName) =>
    setEvents((s) => {
      const next = new Set(s);
      if (next.has(n)) next.delete(n);
      else next.add(n);
      return next;
    });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={t("outbound.createTitle")} description={t("outbound.createBody")}>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <Field label={t("outbound.url")} id="outbound-url" error={error ?? undefined}>
            <Input
              type="url"
              required
              value={url}
              placeholder="https://example.com/warmdesk"
              maxLength={2000}
              onChange={(e) => setUrl(e.target.value)}
              autoComplete="off"
            />
          </Field>
          <Field label={t("outbound.name")} id="outbound-name">
            <Input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </Field>
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1 text-sm font-medium">{t("outbound.events")}</legend>
            {OUTBOUND_EVENT_NAMES.map((n) => (
              <label key={n} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={events.has(n)} onChange={() => toggle(n)} className="size-4" />
                <span>{t(`outbound.event.${n}`)}</span>
                <code className="text-xs text-muted">{n}</code>
              </label>
            ))}
          </fieldset>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="ghost">{t("common.cancel")}</Button>
            </DialogClose>
            <Button type="submit" variant="primary" loading={busy} disabled={events.size === 0 || !url.trim()}>
              {t("outbound.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The delivery log of one webhook: newest first, each attempt's code, re-send. */
function DeliveryLog({ base, title, canEdit }: { base: string; title: string; canEdit: boolean }) {
  const t = useT();
  const language = useLanguage();
  const showError = useShowError();
  const [rows, setRows] = useState<Delivery[] | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    const res = await api<{ deliveries: Delivery[] }>("GET", `${base}/deliveries`);
    setLoading(false);
    if (res.ok) setRows(res.data.deliveries);
    else setRows([]);
  }, [base]);
  useEffect(() => {
    void load();
  }, [load]);

  async function resend(d: Delivery) {
    const res = await api("POST", `${base}/deliveries/${d.id}/resend`);
    if (!res.ok) return showError(res.error);
    toast(t("outbound.resent"), { variant: "success" });
    // The new delivery is sent in the background; give it a moment before reloading.
    setTimeout(() => void load(), 800);
  }

  const when = (iso: string) => new Date(iso).toLocaleString(language, { dateStyle: "short", timeStyle: "medium" });

  return (
    <DialogContent size="lg" title={t("outbound.logTitle", { name: title })} description={t("outbound.logBody")}>
      <div className="mb-2 flex justify-end">
        <Button size="sm" onClick={() => void load()} loading={loading}>
          {t("outbound.reload")}
        </Button>
      </div>
      {rows && rows.length === 0 ? (
        <p className="py-6 text-center text-sm text-muted">{t("outbound.noDeliveries")}</p>
      ) : (
        <div className="max-h-[60vh] overflow-auto">
          <table className="w-full text-left text-sm" data-testid="outbound-deliveries">
            <caption className="sr-only">{t("outbound.log")}</caption>
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("outbound.col.event")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("outbound.col.status")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("outbound.col.code")}
                </th>
                <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
                  {t("outbound.col.time")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">{t("outbound.col.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(rows ?? []).map((d) => (
                <tr key={d.id} className="border-t border-border align-top">
                  <td className="py-2 pr-3">
                    <code className="text-xs">{d.event}</code>
                    {d.error ? <div className="max-w-56 truncate text-xs text-danger">{d.error}</div> : null}
                  </td>
                  <td className="py-2 pr-3">
                    <Badge variant={STATUS_VARIANT[d.status]}>{t(`outbound.status.${d.status}`)}</Badge>
                    <div className="text-xs text-muted">{t("outbound.attempts", { count: d.attempts })}</div>
                  </td>
                  <td className="py-2 pr-3 font-mono text-xs" data-testid="delivery-code">
                    {d.attemptLog.map((a) => a.responseCode ?? "—").join(" → ") || "—"}
                  </td>
                  <td className="hidden py-2 pr-3 text-xs text-muted sm:table-cell">{when(d.lastAttemptAt ?? d.createdAt)}</td>
                  <td className="py-2 text-right">
                    {canEdit ? (
                      <Button size="sm" variant="ghost" onClick={() => resend(d)}>
                        {t("outbound.resend")}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="primary">{t("outbound.done")}</Button>
        </DialogClose>
      </DialogFooter>
    </DialogContent>
  );
}

/** The secret, shown this once, with a copy button. */
function ShownOnce({ secret }: { secret: string }) {
  const t = useT();
  const { input, copied, onCopy } = useCopy(secret, { copied: t("outbound.copied"), failed: t("outbound.copyFailed") });
  return (
    <DialogContent title={t("outbound.secretTitle")} description={t("outbound.secretBody")} hideClose>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="outbound-secret">{t("outbound.secret")}</Label>
        <div className="flex gap-2">
          <Input
            id="outbound-secret"
            ref={input}
            readOnly
            value={secret}
            data-testid="outbound-secret"
            onFocus={(e) => e.currentTarget.select()}
            className="font-mono text-xs"
          />
          <Button onClick={onCopy}>
            {copied ? <CheckIcon size={15} /> : null}
            {t("outbound.copy")}
          </Button>
        </div>
      </div>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="primary">{t("outbound.done")}</Button>
        </DialogClose>
      </DialogFooter>
    </DialogContent>
  );
}
