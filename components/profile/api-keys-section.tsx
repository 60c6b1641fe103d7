"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import { Badge, type BadgeVariant } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { CheckIcon, PlusIcon } from "@/components/ui/icons.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { useCopy } from "@/components/ui/use-copy.ts";
import { api, formatDate, formatDateTime } from "./api.ts";

export type ProfileApiKey = {
  id: number;
  name: string;
  prefix: string;
  project: { slug: string; name: string } | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  status: "active" | "expired" | "revoked";
};

const STATUS_VARIANT: Record<ProfileApiKey["status"], BadgeVariant> = {
  active: "success",
  expired: "warning",
  revoked: "neutral",
};

const SELECT =
  "h-9 w-full rounded-md border border-border bg-surface px-2 text-sm text-text shadow-sm hover:border-muted/50 focus-visible:border-accent focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30";

/** Today as yyyy-mm-dd in local time, for the expiry date picker's minimum. */
function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function ApiKeysSection({ initial, projects }: { initial: ProfileApiKey[]; projects: { slug: string; name: string }[] }) {
  const t = useT();
  const [keys, setKeys] = useState(initial);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ProfileApiKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function onRevoke(key: ProfileApiKey) {
    setBusy(true);
    const result = await api<ProfileApiKey>("DELETE", `/me/api-keys/${key.id}`);
    setBusy(false);
    setRevoking(null);
    if (!result.ok) {
      toast(t(result.error.code === "network" ? "common.error.network" : "common.error.generic"), { variant: "error" });
      return;
    }
    const revoked = result.data;
    setKeys((list) => list.map((k) => (k.id === key.id ? { ...k, status: revoked.status } : k)));
    setStatus(t("profile.apiKeys.revoked"));
    toast(t("profile.apiKeys.revoked"), { variant: "success" });
  }

  return (
    <SectionCard
      id="api-keys"
      title={t("profile.apiKeys.title")}
      description={t("profile.apiKeys.description")}
      actions={
        <div className="flex items-center gap-3">
          <Link href="/api-docs" className="text-sm text-accent hover:underline">
            {t("apiDocs.link")}
          </Link>
          <Button variant="primary" onClick={() => setCreating(true)}>
            <PlusIcon size={15} />
            {t("profile.apiKeys.create")}
          </Button>
        </div>
      }
    >
      {keys.length === 0 ? (
        <p className="rounded-md border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
          {t("profile.apiKeys.empty")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-border">
          <table className="w-full text-left text-[13px]">
            <caption className="sr-only">{t("profile.apiKeys.table")}</caption>
            <thead className="bg-surface-2 text-xs text-muted">
              <tr>
                <th scope="col" className="whitespace-nowrap px-2.5 py-2 font-medium">
                  {t("profile.apiKeys.name")}
                </th>
                <th scope="col" className="whitespace-nowrap px-2.5 py-2 font-medium">
                  {t("profile.apiKeys.prefix")}
                </th>
                <th scope="col" className="whitespace-nowrap px-2.5 py-2 font-medium">
                  {t("profile.apiKeys.project")}
                </th>
                <th scope="col" className="whitespace-nowrap px-2.5 py-2 font-medium">
                  {t("profile.apiKeys.created")}
                </th>
                <th scope="col" className="whitespace-nowrap px-2.5 py-2 font-medium">
                  {t("profile.apiKeys.lastUsed")}
                </th>
                <th scope="col" className="whitespace-nowrap px-2.5 py-2 font-medium">
                  {t("profile.apiKeys.expires")}
                </th>
                <th scope="col" className="whitespace-nowrap px-2.5 py-2 font-medium">
                  {t("profile.apiKeys.status")}
                </th>
                <th scope="col" className="px-2.5 py-2">
                  <span className="sr-only">{t("profile.apiKeys.revoke")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {keys.map((k) => (
                <tr key={k.id} data-testid="api-key-row" className={k.status === "active" ? "" : "text-muted"}>
                  <td className="max-w-48 truncate px-2.5 py-2 font-medium">{k.name}</td>
                  <td className="px-2.5 py-2">
                    <code className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs">{k.prefix}…</code>
                  </td>
                  <td className="max-w-40 truncate px-2.5 py-2">
                    {k.project ? k.project.name : t("profile.apiKeys.allProjects")}
                  </td>
                  <td className="whitespace-nowrap px-2.5 py-2">
                    <When iso={k.createdAt} />
                  </td>
                  <td className="whitespace-nowrap px-2.5 py-2">
                    <When iso={k.lastUsedAt} withTime fallback={t("profile.apiKeys.notUsed")} />
                  </td>
                  <td className="whitespace-nowrap px-2.5 py-2">
                    <When iso={k.expiresAt} fallback={t("profile.apiKeys.never")} />
                  </td>
                  <td className="px-2.5 py-2">
                    <Badge variant={STATUS_VARIANT[k.status]}>{t(`profile.apiKeys.status.${k.status}`)}</Badge>
                  </td>
                  <td className="px-2.5 py-2 text-right">
                    {k.status === "active" ? (
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={t("profile.apiKeys.revokeLabel", { name: k.name })}
                        onClick={() => setRevoking(k)}
                      >
                        {t("profile.apiKeys.revoke")}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p aria-live="polite" className="sr-only">
        {status}
      </p>

      <CreateKeyDialog
        open={creating}
        onOpenChange={setCreating}
        projects={projects}
        onCreated={(key, raw) => {
          setKeys((list) => [key, ...list]);
          setCreating(false);
          setCreated(raw);
        }}
      />

      <Dialog open={created !== null} onOpenChange={(open) => !open && setCreated(null)}>
        {created ? <ShownOnce rawKey={created} /> : null}
      </Dialog>

      <Dialog open={revoking !== null} onOpenChange={(open) => !open && setRevoking(null)}>
        {revoking ? (
          <DialogContent
            size="sm"
            title={t("profile.apiKeys.revokeTitle", { name: revoking.name })}
            description={t("profile.apiKeys.revokeBody")}
          >
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="ghost">{t("common.cancel")}</Button>
              </DialogClose>
              <Button variant="danger" loading={busy} onClick={() => onRevoke(revoking)}>
                {t("profile.apiKeys.revoke")}
              </Button>
            </DialogFooter>
          </DialogContent>
        ) : null}
      </Dialog>
    </SectionCard>
  );
}

function CreateKeyDialog({
  open,
  onOpenChange,
  projects,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  projects: { slug: string; name: string }[];
  onCreated: (key: ProfileApiKey, raw: string) => void;
}) {
  const t = useT();
  const [name, setName] = useState("");
  const [project, setProject] = useState("");
  const [expires, setExpires] = useState("");
  const [errors, setErrors] = useState<{ name?: string; expires?: string }>({});
  const [busy, setBusy] = useState(false);

  function reset(next: boolean) {
    if (!next) {
      setName("");
      setProject("");
      setExpires("");
      setErrors({});
    }
    onOpenChange(next);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t("profile.apiKeys.nameHint") });
      return;
    }
    // The key stays valid through the chosen day, in the user's time zone.
    const expiresAt = expires ? new Date(`${expires}T23:59:59`) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      setErrors({ expires: t("profile.apiKeys.expiryPast") });
      return;
    }
    setBusy(true);
    const result = await api<ProfileApiKey & { key: string }>("POST", "/me/api-keys", {
      name: name.trim(),
      projectSlug: project || null,
      expiresAt: expiresAt ? expiresAt.toISOString() : null,
    });
    setBusy(false);
    if (result.ok) {
      const { key, ...row } = result.data;
      reset(false);
      onCreated(row, key);
    } else if (result.error.fields.includes("expiresAt")) setErrors({ expires: t("profile.apiKeys.expiryPast") });
    else if (result.error.fields.includes("name")) setErrors({ name: t("profile.apiKeys.nameHint") });
    else toast(t(result.error.code === "network" ? "common.error.network" : "common.error.generic"), { variant: "error" });
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogContent title={t("profile.apiKeys.create")}>
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
          <Field label={t("profile.apiKeys.name")} hint={t("profile.apiKeys.nameHint")} error={errors.name}>
            <Input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} required />
          </Field>
          <Field label={t("profile.apiKeys.project")} hint={project ? t("profile.apiKeys.projectHint") : undefined}>
            <select className={SELECT} value={project} onChange={(e) => setProject(e.target.value)}>
              <option value="">{t("profile.apiKeys.allProjects")}</option>
              {projects.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={
              <>
                {t("profile.apiKeys.expires")} <span className="font-normal text-muted">({t("common.optional")})</span>
              </>
            }
            hint={t("profile.apiKeys.expiresHint")}
            error={errors.expires}
          >
            <Input type="date" min={tomorrow()} value={expires} onChange={(e) => setExpires(e.target.value)} />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="ghost">{t("common.cancel")}</Button>
            </DialogClose>
            <Button type="submit" variant="primary" loading={busy}>
              {t("common.create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The raw key, shown once, with a copy button. */
function ShownOnce({ rawKey }: { rawKey: string }) {
  const t = useT();
  const { input, copied, onCopy } = useCopy(rawKey, {
    copied: t("profile.apiKeys.copied"),
    failed: t("profile.apiKeys.copyFailed"),
  });

  return (
    <DialogContent title={t("profile.apiKeys.createdTitle")} description={t("profile.apiKeys.createdBody")} hideClose>
      <Field label={t("profile.apiKeys.keyLabel")}>
        <Input
          ref={input}
          readOnly
          value={rawKey}
          data-testid="new-api-key"
          onFocus={(e) => e.currentTarget.select()}
          className="font-mono text-xs"
        />
      </Field>
      <p aria-live="polite" className="sr-only">
        {copied ? t("profile.apiKeys.copied") : ""}
      </p>
      <DialogFooter>
        <Button onClick={onCopy}>
          {copied ? <CheckIcon size={15} /> : null}
          {t("profile.apiKeys.copy")}
        </Button>
        <DialogClose asChild>
          <Button variant="primary">{t("profile.apiKeys.done")}</Button>
        </DialogClose>
      </DialogFooter>
    </DialogContent>
  );
}

/** A date (with the time when asked) in the user's language, or `fallback` when there is none. */
function When({ iso, withTime = false, fallback }: { iso: string | null; withTime?: boolean; fallback?: string }) {
  const language = useLanguage();
  if (!iso) return <>{fallback}</>;
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {withTime ? formatDateTime(iso, language) : formatDate(iso, language)}
    </time>
  );
}
