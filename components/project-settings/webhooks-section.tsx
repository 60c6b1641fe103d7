"use client";
import { type FormEvent, useState } from "react";
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { CheckIcon, PlusIcon } from "@/components/ui/icons.tsx";
import { Field, Input, Label } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
// Project settings: inbound webhooks (project admins). The secret is shown once, right after creation.
import { useCopy } from "@/components/ui/use-copy.ts";
import type { WebhookView } from "@/lib/webhooks/webhooks.ts";
import { api, projectPath } from "./api.ts";
import { Section, Select, useErrorToast } from "./parts.tsx";

const PROVIDERS = ["github", "gitlab", "generic"] as const;

export function WebhooksSection({
  slug,
  projectKey,
  initial,
  canEdit,
}: {
  slug: string;
  projectKey: string;
  initial: WebhookView[];
  canEdit: boolean;
}) {
  const t = useT();
  const language = useLanguage();
  const showError = useErrorToast();
  const [hooks, setHooks] = useState(initial);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<(WebhookView & { secret: string }) | null>(null);
  const [deleting, setDeleting] = useState<WebhookView | null>(null);
  const [busy, setBusy] = useState(false);
  const path = `${projectPath(slug)}/webhooks`;

  async function onToggle(hook: WebhookView) {
    const res = await api<WebhookView>("PATCH", `${path}/${hook.id}`, { isActive: !hook.isActive });
    if (!res.ok) return showError(res.error);
    setHooks((list) => list.map((h) => (h.id === hook.id ? res.data : h)));
    toast(t("common.saved"), { variant: "success" });
  }

  async function onDelete(hook: WebhookView) {
    setBusy(true);
    const res = await api("DELETE", `${path}/${hook.id}`);
    setBusy(false);
    setDeleting(null);
    if (!res.ok) return showError(res.error);
    setHooks((list) => list.filter((h) => h.id !== hook.id));
    toast(t("webhooks.deleted"), { variant: "success" });
  }

  const label = (h: WebhookView) => h.name ?? t(`webhooks.provider.${h.provider}`);

  return (
    <Section
      id="settings-webhooks"
      title={t("webhooks.title")}
      description={t("webhooks.description", { example: `${projectKey}-42` })}
    >
      {hooks.length === 0 ? (
        <p className="rounded-md border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
          {t("webhooks.empty")}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="webhooks">
            <caption className="sr-only">{t("webhooks.table")}</caption>
            <thead className="text-xs text-muted">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("webhooks.name")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("webhooks.url")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("webhooks.lastDelivery")}
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  {t("webhooks.status")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">{t("webhooks.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((h) => (
                <tr key={h.id} className="border-t border-border align-middle">
                  <td className="py-2 pr-3">
                    <div className="font-medium">{label(h)}</div>
                    <div className="text-xs text-muted">{t(`webhooks.provider.${h.provider}`)}</div>
                  </td>
                  <td className="max-w-64 truncate py-2 pr-3 font-mono text-xs" title={h.url}>
                    {h.url}
                  </td>
                  <td className="py-2 pr-3 text-xs text-muted">
                    {h.lastDeliveryAt ? new Date(h.lastDeliveryAt).toLocaleString(language) : t("webhooks.never")}
                  </td>
                  <td className="py-2 pr-3">
                    <Badge variant={h.isActive ? "success" : "neutral"}>
                      {t(h.isActive ? "webhooks.active" : "webhooks.inactive")}
                    </Badge>
                  </td>
                  <td className="py-2">
                    {canEdit ? (
                      <div className="flex justify-end gap-2">
                        <Button size="sm" onClick={() => onToggle(h)}>
                          {t(h.isActive ? "webhooks.deactivate" : "webhooks.activate")}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={t("webhooks.deleteLabel", { name: label(h) })}
                          onClick={() => setDeleting(h)}
                        >
                          {t("webhooks.delete")}
                        </Button>
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <div className="mt-3 flex justify-end">
          <Button variant="primary" onClick={() => setCreating(true)}>
            <PlusIcon size={15} />
            {t("webhooks.create")}
          </Button>
        </div>
      ) : null}

      <CreateWebhookDialog
        open={creating}
        onOpenChange={setCreating}
        path={path}
        onCreated={(hook) => {
          const { secret: _s, ...row } = hook;
          setHooks((list) => [...list, row]);
          setCreating(false);
          setCreated(hook);
        }}
      />

      <Dialog open={created !== null} onOpenChange={(open) => !open && setCreated(null)}>
        {created ? <ShownOnce url={created.url} secret={created.secret} /> : null}
      </Dialog>

      <Dialog open={deleting !== null} onOpenChange={(open) => !open && setDeleting(null)}>
        {deleting ? (
          <DialogContent size="sm" title={t("webhooks.deleteTitle")} description={t("webhooks.deleteBody")}>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="ghost">{t("webhooks.cancel")}</Button>
              </DialogClose>
              <Button variant="danger" loading={busy} onClick={() => onDelete(deleting)}>
                {t("webhooks.delete")}
              </Button>
            </DialogFooter>
          </DialogContent>
        ) : null}
      </Dialog>
    </Section>
  );
}

function CreateWebhookDialog({
  open,
  onOpenChange,
  path,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  path: string;
  onCreated: (hook: WebhookView & { secret: string }) => void;
}) {
  const t = useT();
  const showError = useErrorToast();
  const [provider, setProvider] = useState<(typeof PROVIDERS)[number]>("github");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await api<WebhookView & { secret: string }>("POST", path, {
      provider,
      ...(name.trim() ? { name: name.trim() } : {}),
    });
    setBusy(false);
    if (!res.ok) return showError(res.error);
    setName("");
    onCreated(res.data);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={t("webhooks.createTitle")}>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <Field label={t("webhooks.provider")} id="webhook-provider">
            <Select value={provider} onChange={(e) => setProvider(e.target.value as (typeof PROVIDERS)[number])}>
              {PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {t(`webhooks.provider.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("webhooks.name")} id="webhook-name">
            <Input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} autoComplete="off" />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="ghost">{t("webhooks.cancel")}</Button>
            </DialogClose>
            <Button type="submit" variant="primary" loading={busy}>
              {t("webhooks.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The URL and the secret, the secret shown this once, each with a copy button. */
function ShownOnce({ url, secret }: { url: string; secret: string }) {
  const t = useT();
  return (
    <DialogContent title={t("webhooks.createdTitle")} description={t("webhooks.createdBody")} hideClose>
      <CopyField label={t("webhooks.url")} value={url} testId="webhook-url" copyLabel={t("webhooks.copyUrl")} />
      <CopyField label={t("webhooks.secret")} value={secret} testId="webhook-secret" copyLabel={t("webhooks.copy")} />
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="primary">{t("webhooks.done")}</Button>
        </DialogClose>
      </DialogFooter>
    </DialogContent>
  );
}

function CopyField({ label, value, testId, copyLabel }: { label: string; value: string; testId: string; copyLabel: string }) {
  const t = useT();
  const { input, copied, onCopy } = useCopy(value, { copied: t("webhooks.copied"), failed: t("webhooks.copyFailed") });
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={testId}>{label}</Label>
      <div className="flex gap-2">
        <Input
          id={testId}
          ref={input}
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(e) => e.currentTarget.select()}
          className="font-mono text-xs"
        />
        <Button onClick={onCopy} aria-label={`${copyLabel}: ${label}`}>
          {copied ? <CheckIcon size={15} /> : null}
          {copyLabel}
        </Button>
      </div>
    </div>
  );
}
