"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { PageHeader } from "@/components/shell/page-header.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { PlusIcon } from "@/components/ui/icons.tsx";
import { Field, Input, Textarea } from "@/components/ui/input.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { CUSTOMER_ROLES } from "@/lib/customers/roles.ts";
import type { MessageKey } from "@/lib/i18n/index.ts";
import { AdminPage, api, Select, useAdminErrorToast } from "./shared.tsx";

type Member = { id: number; username: string; email: string; avatar: string | null; status: string };
type ProjectAccess = { id: number; slug: string; name: string; key: string; isArchived: boolean; role: string };
type CustomerAccess = { id: number; slug: string; name: string; role: string };

export type GroupDetailData = {
  id: number;
  name: string;
  description: string | null;
  memberCount: number;
  members: Member[];
  projects: ProjectAccess[];
  customers: CustomerAccess[];
};

export type AccessTargets = {
  projects: { id: number; slug: string; name: string; key: string; isArchived: boolean }[];
  customers: { id: number; slug: string; name: string }[];
};

type Granted = { id: number; slug: string; name: string; role: string; isArchived?: boolean };

const PROJECT_ROLES = ["viewer", "member", "admin"] as const;

export function GroupDetail({ group: initial, targets }: { group: GroupDetailData; targets: AccessTargets }) {
  const t = useT();
  // Follows the server's data (after router.refresh) but takes each answer at once.
  const [group, setGroup] = useState(initial);
  useEffect(() => setGroup(initial), [initial]);
  return (
    <AdminPage>
      <PageHeader
        title={group.name}
        description={
          <Link href="/admin/groups" className="text-accent hover:underline">
            {t("admin.groups.back")}
          </Link>
        }
      />
      <GeneralSection group={group} />
      <MembersSection
        group={group}
        onAdded={(m) => setGroup((g) => ({ ...g, members: [...g.members.filter((x) => x.id !== m.id), m] }))}
        onRemoved={(id) => setGroup((g) => ({ ...g, members: g.members.filter((x) => x.id !== id) }))}
      />
      <AccessSection
        kind="projects"
        groupId={group.id}
        granted={group.projects}
        available={targets.projects}
        roles={PROJECT_ROLES}
        onChange={(projects) => setGroup((g) => ({ ...g, projects: projects as ProjectAccess[] }))}
      />
      <AccessSection
        kind="customers"
        groupId={group.id}
        granted={group.customers}
        available={targets.customers}
        roles={CUSTOMER_ROLES}
        onChange={(customers) => setGroup((g) => ({ ...g, customers }))}
      />
      <DeleteSection group={group} />
    </AdminPage>
  );
}

function GeneralSection({ group }: { group: GroupDetailData }) {
  const t = useT();
  const router = useRouter();
  const showError = useAdminErrorToast();
  const [name, setName] = useState(group.name);
  const [description, setDescription] = useState(group.description ?? "");
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const res = await api("PATCH", `/admin/groups/${group.id}`, { name, description: description || null });
    setBusy(false);
    if (res.ok) {
      setError(undefined);
      toast(t("common.saved"), { variant: "success" });
      router.refresh();
      return;
    }
    if (res.error.fields.includes("name")) {
      setError(t(res.error.code === "conflict" ? "admin.groups.error.nameTaken" : "admin.groups.error.name"));
      document.getElementById("group-name")?.focus();
    } else showError(res.error);
  }

  return (
    <SectionCard id="group-general" title={t("admin.groups.general")}>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <Field label={t("admin.groups.name")} error={error} id="group-name">
          <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={191} autoComplete="off" />
        </Field>
        <Field label={t("admin.groups.descriptionLabel")} id="group-description">
          <Textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={2000} />
        </Field>
        <div className="flex justify-end">
          <Button type="submit" variant="primary" loading={busy}>
            {t("common.save")}
          </Button>
        </div>
      </form>
    </SectionCard>
  );
}

type Candidate = { id: number; username: string; email: string; avatar: string | null; status: string };

/** Finds users by name or email through the admin list route and adds them with a button each. */
function UserPicker({
  groupId,
  memberIds,
  onAdded,
}: {
  groupId: number;
  memberIds: Set<number>;
  onAdded: (member: Member) => void;
}) {
  const t = useT();
  const router = useRouter();
  const showError = useAdminErrorToast();
  const listId = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Candidate[] | null>(null);
  const [adding, setAdding] = useState<number | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      const res = await api<{ users: Candidate[] }>("GET", `/admin/users?q=${encodeURIComponent(q)}`);
      if (!cancelled && res.ok) setResults(res.data.users.slice(0, 8));
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);

  async function add(user: Candidate) {
    setAdding(user.id);
    const res = await api<Member>("POST", `/admin/groups/${groupId}/members`, { userId: user.id });
    setAdding(null);
    if (!res.ok) {
      showError(res.error);
      return;
    }
    onAdded(res.data);
    setQuery("");
    toast(t("admin.groups.memberAdded", { username: user.username }), { variant: "success" });
    router.refresh();
  }

  const shown = results?.filter((u) => !memberIds.has(u.id)) ?? null;
  return (
    <div className="flex flex-col gap-2">
      <Field label={t("admin.groups.addMember")} id="group-member-search" hint={t("admin.groups.addMemberHint")}>
        <Input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
          placeholder={t("admin.users.searchPlaceholder")}
          aria-controls={listId}
        />
      </Field>
      <div id={listId} aria-live="polite">
        {shown === null ? null : shown.length === 0 ? (
          <p className="px-1 py-2 text-sm text-muted">{t("admin.groups.noMatches")}</p>
        ) : (
          <ul className="divide-y divide-border rounded-md border border-border">
            {shown.map((u) => (
              <li key={u.id} className="flex items-center gap-2.5 px-3 py-2">
                <Avatar username={u.username} src={u.avatar} size="sm" decorative />
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="truncate text-sm font-medium">{u.username}</span>
                  <span className="truncate text-xs text-muted">{u.email}</span>
                </span>
                <Button
                  size="sm"
                  loading={adding === u.id}
                  onClick={() => add(u)}
                  aria-label={t("admin.groups.addUser", { username: u.username })}
                >
                  <PlusIcon size={14} />
                  {t("admin.groups.add")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function MembersSection({
  group,
  onAdded,
  onRemoved,
}: {
  group: GroupDetailData;
  onAdded: (member: Member) => void;
  onRemoved: (id: number) => void;
}) {
  const t = useT();
  const router = useRouter();
  const showError = useAdminErrorToast();
  const [removing, setRemoving] = useState<number | null>(null);

  async function remove(member: Member) {
    setRemoving(member.id);
    const res = await api("DELETE", `/admin/groups/${group.id}/members/${member.id}`);
    setRemoving(null);
    if (!res.ok) {
      showError(res.error);
      return;
    }
    onRemoved(member.id);
    toast(t("admin.groups.memberRemoved", { username: member.username }), { variant: "success" });
    router.refresh();
  }

  return (
    <SectionCard
      id="group-members"
      title={t("admin.groups.membersTitle")}
      description={t("admin.groups.members", { count: group.members.length })}
    >
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_18rem]">
        {group.members.length === 0 ? (
          <p className="text-sm text-muted">{t("admin.groups.noMembers")}</p>
        ) : (
          <ul className="divide-y divide-border" aria-label={t("admin.groups.membersTitle")}>
            {group.members.map((m) => (
              <li key={m.id} data-member={m.username} className="flex items-center gap-2.5 py-2">
                <Avatar username={m.username} src={m.avatar} size="sm" decorative />
                <span className="flex min-w-0 flex-1 flex-col">
                  <span className="flex items-center gap-2 truncate text-sm font-medium">
                    {m.username}
                    {m.status === "disabled" ? <Badge variant="warning">{t("admin.users.status.disabled")}</Badge> : null}
                    {m.status === "deleted" ? <Badge variant="outline">{t("admin.users.status.deleted")}</Badge> : null}
                  </span>
                  <span className="truncate text-xs text-muted">{m.email}</span>
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  loading={removing === m.id}
                  onClick={() => remove(m)}
                  aria-label={t("admin.groups.removeMember", { username: m.username })}
                >
                  {t("admin.groups.remove")}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <UserPicker groupId={group.id} memberIds={new Set(group.members.map((m) => m.id))} onAdded={onAdded} />
      </div>
    </SectionCard>
  );
}

function AccessSection<R extends string>({
  kind,
  groupId,
  granted,
  available,
  roles,
  onChange,
}: {
  kind: "projects" | "customers";
  groupId: number;
  granted: Granted[];
  available: { id: number; slug: string; name: string; isArchived?: boolean }[];
  roles: readonly R[];
  onChange: (granted: Granted[]) => void;
}) {
  const t = useT();
  const router = useRouter();
  const showError = useAdminErrorToast();
  const grantedIds = new Set(granted.map((g) => g.id));
  const choices = available.filter((a) => !grantedIds.has(a.id) && !a.isArchived);
  const [slug, setSlug] = useState("");
  const [role, setRole] = useState<string>(roles[0]);
  const [busy, setBusy] = useState<string | null>(null);
  const roleLabel = (r: string) => t(`admin.groups.role.${r}` as MessageKey);
  const title = t(kind === "projects" ? "admin.groups.projectsTitle" : "admin.groups.customersTitle");

  async function put(targetSlug: string, nextRole: string) {
    setBusy(targetSlug);
    const res = await api<Granted>("PUT", `/admin/groups/${groupId}/${kind}/${encodeURIComponent(targetSlug)}`, {
      role: nextRole,
    });
    setBusy(null);
    if (!res.ok) {
      showError(res.error);
      return false;
    }
    const next = granted.some((g) => g.id === res.data.id)
      ? granted.map((g) => (g.id === res.data.id ? res.data : g))
      : [...granted, res.data].sort((a, b) => a.name.localeCompare(b.name));
    onChange(next);
    toast(t("common.saved"), { variant: "success" });
    router.refresh();
    return true;
  }

  async function remove(targetSlug: string) {
    setBusy(targetSlug);
    const res = await api("DELETE", `/admin/groups/${groupId}/${kind}/${encodeURIComponent(targetSlug)}`);
    setBusy(null);
    if (!res.ok) {
      showError(res.error);
      return;
    }
    onChange(granted.filter((g) => g.slug !== targetSlug));
    router.refresh();
  }

  return (
    <SectionCard
      id={`group-${kind}`}
      title={title}
      description={t(kind === "projects" ? "admin.groups.projectsHint" : "admin.groups.customersHint")}
    >
      {granted.length === 0 ? (
        <p className="text-sm text-muted">{t(kind === "projects" ? "admin.groups.noProjects" : "admin.groups.noCustomers")}</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="text-left text-xs text-muted">
            <tr className="border-b border-border">
              <th scope="col" className="py-2 font-medium">
                {t(kind === "projects" ? "admin.groups.project" : "admin.groups.customer")}
              </th>
              <th scope="col" className="w-40 py-2 font-medium">
                {t("admin.groups.roleLabel")}
              </th>
              <th scope="col" className="w-24 py-2 text-right font-medium">
                <span className="sr-only">{t("admin.users.col.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {granted.map((g) => (
              <tr key={g.id} data-access={g.slug} className="border-b border-border last:border-0">
                <td className="py-2">
                  <span className="font-medium">{g.name}</span> <span className="font-mono text-xs text-muted">{g.slug}</span>
                  {g.isArchived ? (
                    <Badge variant="warning" className="ml-2">
                      {t("projects.archived")}
                    </Badge>
                  ) : null}
                </td>
                <td className="py-2">
                  <Select
                    aria-label={t("admin.groups.roleIn", { name: g.name })}
                    value={g.role}
                    disabled={busy === g.slug || g.isArchived}
                    onChange={(e) => put(g.slug, e.target.value)}
                    className="h-8"
                  >
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {roleLabel(r)}
                      </option>
                    ))}
                  </Select>
                </td>
                <td className="py-2 text-right">
                  <Button
                    size="sm"
                    variant="ghost"
                    disabled={busy === g.slug || g.isArchived}
                    onClick={() => remove(g.slug)}
                    aria-label={t("admin.groups.removeAccess", { name: g.name })}
                  >
                    {t("admin.groups.remove")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {available.length === 0 ? (
        <p className="mt-4 text-xs text-muted">
          {t(kind === "projects" ? "admin.groups.noProjectsExist" : "admin.groups.noCustomersExist")}
        </p>
      ) : choices.length > 0 ? (
        <form
          className="mt-4 flex flex-wrap items-end gap-3 border-t border-border pt-4"
          onSubmit={async (e) => {
            e.preventDefault();
            if (slug && (await put(slug, role))) setSlug("");
          }}
        >
          <Field
            label={t(kind === "projects" ? "admin.groups.project" : "admin.groups.customer")}
            id={`grant-${kind}`}
            className="min-w-56 flex-1"
          >
            <Select value={slug} onChange={(e) => setSlug(e.target.value)} required>
              <option value="">{t("admin.groups.choose")}</option>
              {choices.map((c) => (
                <option key={c.id} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("admin.groups.roleLabel")} id={`grant-${kind}-role`}>
            <Select value={role} onChange={(e) => setRole(e.target.value)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={!slug} loading={busy === slug && slug !== ""}>
            {t("admin.groups.grant")}
          </Button>
        </form>
      ) : null}
    </SectionCard>
  );
}

function DeleteSection({ group }: { group: GroupDetailData }) {
  const t = useT();
  const router = useRouter();
  const showError = useAdminErrorToast();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    const res = await api("DELETE", `/admin/groups/${group.id}`);
    setBusy(false);
    setOpen(false);
    if (!res.ok) {
      showError(res.error);
      return;
    }
    toast(t("admin.groups.deleted", { name: group.name }), { variant: "success" });
    router.push("/admin/groups");
    router.refresh();
  }

  return (
    <SectionCard id="group-delete" title={t("admin.groups.deleteTitle")} description={t("admin.groups.deleteHint")}>
      <Dialog open={open} onOpenChange={setOpen}>
        <Button variant="danger" onClick={() => setOpen(true)}>
          {t("admin.groups.delete")}
        </Button>
        <DialogContent
          size="sm"
          title={t("admin.groups.deleteConfirm", { name: group.name })}
          description={t("admin.groups.deleteHint")}
        >
          <DialogFooter className="mt-2">
            <DialogClose asChild>
              <Button>{t("common.cancel")}</Button>
            </DialogClose>
            <Button variant="danger" loading={busy} onClick={run}>
              {t("admin.groups.delete")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </SectionCard>
  );
}
