"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { PageHeader } from "@/components/shell/page-header.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { PlusIcon, UserIcon } from "@/components/ui/icons.tsx";
import { Field, Input, Textarea } from "@/components/ui/input.tsx";
import { AdminPage, api, useAdminErrorToast } from "./shared.tsx";

export type GroupRow = {
  id: number;
  name: string;
  description: string | null;
  memberCount: number;
  projectCount: number;
  customerCount: number;
  createdAt: string;
};

export function GroupsAdmin({ groups }: { groups: GroupRow[] }) {
  const t = useT();
  const [creating, setCreating] = useState(false);
  return (
    <AdminPage>
      <PageHeader
        title={t("admin.groups.title")}
        description={t("admin.groups.description")}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            <PlusIcon />
            {t("admin.groups.create")}
          </Button>
        }
      />
      {groups.length === 0 ? (
        <div className="flex flex-col items-center gap-3 rounded-lg border border-dashed border-border bg-surface px-6 py-12 text-center">
          <span className="flex size-10 items-center justify-center rounded-lg bg-accent-soft text-accent">
            <UserIcon size={20} />
          </span>
          <p className="max-w-md text-sm text-muted">{t("admin.groups.empty")}</p>
        </div>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {groups.map((g) => (
            <li key={g.id} data-group={g.name}>
              <Link
                href={`/admin/groups/${g.id}`}
                className="flex h-full flex-col gap-2 rounded-lg border border-border bg-surface p-4 shadow-sm transition-colors hover:border-accent/50 hover:bg-surface-2/40 focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30"
              >
                <span className="font-medium text-text">{g.name}</span>
                {g.description ? <span className="line-clamp-2 text-sm text-muted">{g.description}</span> : null}
                <span className="mt-auto flex flex-wrap gap-x-4 gap-y-1 pt-1 text-xs text-muted">
                  <span>{t("admin.groups.members", { count: g.memberCount })}</span>
                  <span>{t("admin.groups.projects", { count: g.projectCount })}</span>
                  <span>{t("admin.groups.customers", { count: g.customerCount })}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <CreateGroupDialog open={creating} onOpenChange={setCreating} />
    </AdminPage>
  );
}

function CreateGroupDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const router = useRouter();
  const showError = useAdminErrorToast();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const res = await api<GroupRow>("POST", "/admin/groups", { name, description: description || null });
    setBusy(false);
    if (res.ok) {
      onOpenChange(false);
      setName("");
      setDescription("");
      setError(undefined);
      router.push(`/admin/groups/${res.data.id}`);
      return;
    }
    if (res.error.fields.includes("name")) {
      setError(t(res.error.code === "conflict" ? "admin.groups.error.nameTaken" : "admin.groups.error.name"));
      document.getElementById("group-create-name")?.focus();
    } else showError(res.error);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={t("admin.groups.create")}>
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
          <Field label={t("admin.groups.name")} error={error} id="group-create-name">
            <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={191} autoComplete="off" />
          </Field>
          <Field label={t("admin.groups.descriptionLabel")} id="group-create-description" hint={t("common.optional")}>
            <Textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={2000} />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button>{t("common.cancel")}</Button>
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
