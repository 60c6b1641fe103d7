"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { PageHeader } from "@/components/shell/page-header.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { Field, Input, Textarea } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { type OutboundHook, OutboundWebhooks } from "@/components/webhooks/outbound-webhooks.tsx";
import { type ProjectRole, ROLES } from "@/lib/auth/actor.ts";
import type { ProjectType } from "@/lib/boards/projects.ts";
import type { WebhookView } from "@/lib/webhooks/webhooks.ts";
import { type DoneColumns, DoneColumnsSection } from "../scrum/done-columns-section.tsx";
import { api, projectPath } from "./api.ts";
import { LabelsSection, type SettingsLabel } from "./labels-section.tsx";
import { ColourSwatch, Section, Select, useErrorToast, useSynced } from "./parts.tsx";
import { WebhooksSection } from "./webhooks-section.tsx";

export type SettingsProject = {
  id: number;
  name: string;
  slug: string;
  key: string;
  description: string | null;
  type: string;
  color: string | null;
  isArchived: boolean;
  role: ProjectRole;
  customer: { name: string; slug: string } | null;
};
export type SettingsMember = { id: number; username: string; role: string };
export type SettingsGroup = { id: number; name: string; role: string; memberCount: number };

export const ACCENT_COLOURS = ["#2563eb", "#0891b2", "#16a34a", "#ca8a04", "#ea580c", "#dc2626", "#db2777", "#7c3aed", "#475569"];

export function ProjectSettings({
  project,
  members,
  groups,
  labels,
  grantable,
  doneColumns,
  webhooks,
  outbound,
  me,
}: {
  project: SettingsProject;
  members: SettingsMember[];
  groups: SettingsGroup[];
  labels: SettingsLabel[];
  grantable: { id: number; name: string }[];
  doneColumns: DoneColumns;
  /** Only for project admins (null otherwise: the section is not shown). */
  webhooks?: WebhookView[] | null;
  /** Outbound webhooks, for project admins (null otherwise). */
  outbound?: OutboundHook[] | null;
  me: string;
}) {
  const t = useT();
  const [current, setCurrent] = useSynced(project);
  const canEdit = current.role === "admin" && !current.isArchived;
  // Members manage labels (as they create them on the fly from cards); the rest is for admins.
  const canEditLabels = current.role !== "viewer" && !current.isArchived;
  // True once hydrated: before that, a form submits natively and reloads the page (tests wait for it).
  const [isReady, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <div className="flex flex-col gap-6" data-settings-ready={isReady}>
      <PageHeader
        title={t("projects.settings.title")}
        description={
          <>
            <Link href={`/${current.slug}`} className="text-accent hover:underline">
              {current.name}
            </Link>
            <span aria-hidden="true"> · </span>
            <span className="font-mono">{current.key}</span>
          </>
        }
        actions={
          <>
            <Link href={`/${current.slug}/import`} className="text-sm text-accent hover:underline">
              {t("imports.title")}
            </Link>
            {current.isArchived ? <Badge variant="warning">{t("projects.archived")}</Badge> : null}
          </>
        }
      />
      {current.role !== "admin" ? (
        <p role="note" className="rounded-md border border-border bg-surface-2 px-3 py-2 text-sm text-muted">
          {t(canEditLabels ? "projects.settings.readOnlyMember" : "projects.settings.readOnly")}
        </p>
      ) : current.isArchived ? (
        <p role="note" className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning">
          {t("projects.settings.archivedNote")}
        </p>
      ) : null}
      <GeneralSection project={current} canEdit={canEdit} onChange={(p) => setCurrent((c) => ({ ...c, ...p }))} />
      <LabelsSection slug={current.slug} labels={labels} canEdit={canEditLabels} />
      {/* Kanban has no sprints: a new project's "Done" column counts for sub-card progress there. */}
      {current.type !== "kanban" ? <DoneColumnsSection slug={current.slug} done={doneColumns} canEdit={canEdit} /> : null}
      <MembersSection project={current} members={members} canEdit={canEdit} me={me} />
      <GroupsSection project={current} groups={groups} grantable={grantable} canEdit={canEdit} />
      {webhooks ? <WebhooksSection slug={current.slug} projectKey={current.key} initial={webhooks} canEdit={canEdit} /> : null}
      {outbound ? (
        <Section id="settings-outbound" title={t("outbound.title")} description={t("outbound.description")}>
          <OutboundWebhooks
            base={`${projectPath(current.slug)}/outbound-webhooks`}
            initial={outbound}
            canEdit={canEdit}
            headingId="settings-outbound"
          />
        </Section>
      ) : null}
      {current.role === "admin" ? (
        <ArchiveSection project={current} onChange={(p) => setCurrent((c) => ({ ...c, ...p }))} />
      ) : null}
    </div>
  );
}

type GeneralErrors = Partial<Record<"name" | "slug" | "key" | "customerSlug", string>>;

function GeneralSection({
  project,
  canEdit,
  onChange,
}: {
  project: SettingsProject;
  canEdit: boolean;
  onChange: (p: Partial<SettingsProject>) => void;
}) {
  const t = useT();
  const router = useRouter();
  const showError = useErrorToast();
  const [name, setName] = useState(project.name);
  const [slug, setSlug] = useState(project.slug);
  const [key, setKey] = useState(project.key);
  const [description, setDescription] = useState(project.description ?? "");
  const [type, setType] = useState<ProjectType>(project.type as ProjectType);
  const [customerSlug, setCustomerSlug] = useState(project.customer?.slug ?? "");
  // The customers to pick from (those the user may see); the current one is there before they load.
  const [customers, setCustomers] = useState<ComboboxOption[]>(
    project.customer ? [{ value: project.customer.slug, label: project.customer.name }] : [],
  );
  useEffect(() => {
    if (!canEdit) return;
    let live = true;
    fetch("/api/v1/customers")
      .then((r) => (r.ok ? r.json() : []))
      .then((list: { slug: string; name: string }[]) => {
        if (live && Array.isArray(list)) setCustomers(list.map((c) => ({ value: c.slug, label: c.name })));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [canEdit]);
  const [color, setColor] = useState<string | null>(project.color);
  const [errors, setErrors] = useState<GeneralErrors>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    if (name.trim() !== project.name) changes.name = name.trim();
    if (slug.trim().toLowerCase() !== project.slug) changes.slug = slug.trim().toLowerCase();
    if (key.trim().toUpperCase() !== project.key) changes.key = key.trim().toUpperCase();
    if (description !== (project.description ?? "")) changes.description = description || null;
    if (type !== project.type) changes.type = type;
    if (customerSlug.trim() !== (project.customer?.slug ?? "")) changes.customerSlug = customerSlug.trim() || null;
    if (color !== project.color) changes.color = color;
    if (Object.keys(changes).length === 0) {
      toast(t("projects.settings.noChanges"));
      return;
    }
    setBusy(true);
    const res = await api<Omit<SettingsProject, "role">>("PATCH", projectPath(project.slug), changes);
    setBusy(false);
    if (res.ok) {
      onChange(res.data);
      setErrors({});
      toast(t("common.saved"), { variant: "success" });
      if (res.data.slug !== project.slug) router.replace(`/${res.data.slug}/settings`);
      else router.refresh();
      return;
    }
    const next: GeneralErrors = {};
    for (const f of res.error.fields) {
      if (f === "name") next.name = t("projects.error.name");
      if (f === "key") next.key = t("projects.error.key");
      if (f === "slug")
        next.slug = t(res.error.code === "conflict" ? "projects.settings.error.slugTaken" : "projects.settings.error.slug");
      if (f === "customerSlug") next.customerSlug = t("projects.settings.error.customer");
    }
    setErrors(next);
    const first = (["name", "slug", "key", "customerSlug"] as const).find((f) => next[f]);
    if (first) document.getElementById(`settings-${first}`)?.focus();
    else showError(res.error);
  }

  return (
    <Section id="settings-general" title={t("projects.settings.general")}>
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <fieldset disabled={!canEdit} className="flex flex-col gap-4">
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
            <Field label={t("projects.create.name")} error={errors.name} id="settings-name">
              <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={191} required autoComplete="off" />
            </Field>
            <Field label={t("projects.create.key")} error={errors.key} id="settings-key">
              <Input
                value={key}
                onChange={(e) =>
                  setKey(
                    e.target.value
                      .toUpperCase()
                      .replace(/[^A-Z0-9]/g, "")
                      .slice(0, 10),
                  )
                }
                maxLength={10}
                spellCheck={false}
                autoComplete="off"
                className="font-mono tracking-wide uppercase"
              />
            </Field>
          </div>
          {key !== project.key && !errors.key ? (
            <p className="-mt-2 text-xs text-warning">
              {t("projects.settings.keyChange", { old: `${project.key}-42`, new: `${key || "…"}-42` })}
            </p>
          ) : null}
          <Field
            label={t("projects.settings.slug")}
            error={errors.slug}
            id="settings-slug"
            hint={t("projects.settings.slugHint", { url: `/${slug || "…"}` })}
          >
            <Input
              value={slug}
              onChange={(e) => setSlug(e.target.value.toLowerCase().replace(/[^a-z0-9-]/g, "-"))}
              maxLength={64}
              spellCheck={false}
              autoComplete="off"
              className="font-mono"
            />
          </Field>
          <Field label={t("projects.settings.description")} id="settings-description">
            <Textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={20000} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("projects.create.type")} id="settings-type">
              <Select value={type} onChange={(e) => setType(e.target.value as ProjectType)}>
                <option value="kanban">{t("projects.type.kanban")}</option>
                <option value="scrum">{t("projects.type.scrum")}</option>
              </Select>
            </Field>
            <Field
              label={t("projects.settings.customer")}
              error={errors.customerSlug}
              id="settings-customerSlug"
              hint={t("projects.settings.customerHint")}
            >
              <Combobox
                options={customers}
                value={customerSlug || null}
                onChange={(v) => setCustomerSlug(v ?? "")}
                noneLabel={t("projects.noCustomer")}
                placeholder={t("projects.noCustomer")}
              />
            </Field>
          </div>
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 text-[13px] font-medium">{t("projects.settings.color")}</legend>
            <div className="flex flex-wrap items-center gap-2" role="radiogroup" aria-label={t("projects.settings.color")}>
              <ColourSwatch
                group="project-colour"
                label={t("projects.settings.colorAuto")}
                checked={color === null}
                onSelect={() => setColor(null)}
              />
              {ACCENT_COLOURS.map((c) => (
                <ColourSwatch
                  key={c}
                  group="project-colour"
                  value={c}
                  label={c}
                  checked={color === c}
                  onSelect={() => setColor(c)}
                />
              ))}
            </div>
          </fieldset>
        </fieldset>
        {canEdit ? (
          <div className="flex justify-end">
            <Button type="submit" variant="primary" loading={busy}>
              {t("common.save")}
            </Button>
          </div>
        ) : null}
      </form>
    </Section>
  );
}

/** The role options, for the add forms and the rows. */
function RoleOptions() {
  const t = useT();
  return ROLES.map((r) => (
    <option key={r} value={r}>
      {t(`projects.role.${r}`)}
    </option>
  ));
}

/**
 * A table of who has access (people or groups): name, role (a select for admins) and a remove
 * button. Members and groups share it, so both look and behave alike.
 */
function AccessTable({
  caption,
  whoHeading,
  canEdit,
  children,
}: {
  caption: string;
  whoHeading: string;
  canEdit: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-border text-left text-xs text-muted">
          <th scope="col" className="py-2 font-medium">
            {whoHeading}
          </th>
          <th scope="col" className="w-40 py-2 font-medium">
            {t("projects.settings.role")}
          </th>
          {canEdit ? (
            <th scope="col" className="w-24 py-2 text-right font-medium">
              <span className="sr-only">{t("projects.settings.actions")}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

function AccessRow({
  name,
  who,
  role,
  canEdit,
  removeLabel,
  onRole,
  onRemove,
  ...data
}: {
  /** Names the role select and the remove button for assistive technology. */
  name: string;
  who: ReactNode;
  role: string;
  canEdit: boolean;
  removeLabel: string;
  onRole: (role: ProjectRole) => void;
  onRemove: () => void;
  "data-username"?: string;
  "data-group"?: string;
}) {
  const t = useT();
  return (
    <tr className="border-b border-border last:border-0" {...data}>
      <td className="py-2">{who}</td>
      <td className="py-2">
        {canEdit ? (
          <Select
            value={role}
            onChange={(e) => onRole(e.target.value as ProjectRole)}
            aria-label={t("projects.settings.roleOf", { username: name })}
            className="h-8"
          >
            <RoleOptions />
          </Select>
        ) : (
          t(`projects.role.${role as ProjectRole}`)
        )}
      </td>
      {canEdit ? (
        <td className="py-2 text-right">
          <Button variant="ghost" size="sm" onClick={onRemove}>
            {removeLabel}
            <span className="sr-only"> {name}</span>
          </Button>
        </td>
      ) : null}
    </tr>
  );
}

function MembersSection({
  project,
  members,
  canEdit,
  me,
}: {
  project: SettingsProject;
  members: SettingsMember[];
  canEdit: boolean;
  me: string;
}) {
  const t = useT();
  const router = useRouter();
  const showError = useErrorToast();
  const [username, setUsername] = useState("");
  const [role, setRole] = useState<ProjectRole>("member");
  const [addError, setAddError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<SettingsMember | null>(null);
  const [list, setList] = useSynced(members);
  const base = `${projectPath(project.slug)}/members`;
  const upsert = (m: SettingsMember) =>
    setList((l) =>
      l.some((x) => x.id === m.id)
        ? l.map((x) => (x.id === m.id ? m : x))
        : [...l, m].sort((a, b) => a.username.localeCompare(b.username)),
    );

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!username.trim()) {
      setAddError(t("projects.settings.error.username"));
      return;
    }
    setBusy(true);
    const res = await api<SettingsMember>("POST", base, { username: username.trim(), role });
    setBusy(false);
    if (res.ok) {
      upsert(res.data);
      toast(t("projects.settings.memberAdded", { username: username.trim() }), { variant: "success" });
      setUsername("");
      setAddError(undefined);
      router.refresh();
    } else if (res.error.fields.includes("username")) {
      setAddError(t("projects.settings.error.unknownUser"));
      document.getElementById("member-username")?.focus();
    } else showError(res.error);
  }

  async function onRole(member: SettingsMember, next: ProjectRole) {
    const res = await api<SettingsMember>("PATCH", `${base}/${encodeURIComponent(member.username)}`, { role: next });
    if (res.ok) {
      upsert(res.data);
      toast(t("projects.settings.roleChanged", { username: member.username, role: t(`projects.role.${next}`) }), {
        variant: "success",
      });
      if (member.username === me && next !== "admin") router.push(`/${project.slug}`);
      else router.refresh();
    } else {
      showError(res.error);
      router.refresh();
    }
  }

  async function onRemove(member: SettingsMember) {
    const res = await api("DELETE", `${base}/${encodeURIComponent(member.username)}`);
    setRemoving(null);
    if (res.ok) {
      setList((l) => l.filter((x) => x.id !== member.id));
      toast(t("projects.settings.memberRemoved", { username: member.username }), { variant: "success" });
      if (member.username === me) router.push("/");
      else router.refresh();
    } else showError(res.error);
  }

  return (
    <Section id="settings-members" title={t("projects.settings.members")} description={t("projects.settings.membersHint")}>
      {canEdit ? (
        <form noValidate onSubmit={onAdd} className="mb-4 flex flex-wrap items-start gap-2">
          <div className="min-w-48 flex-1">
            <Field label={t("projects.settings.username")} error={addError} id="member-username">
              <Input
                value={username}
                onChange={(e) => {
                  setUsername(e.target.value);
                  setAddError(undefined);
                }}
                autoComplete="off"
                spellCheck={false}
                placeholder={t("projects.settings.usernamePlaceholder")}
              />
            </Field>
          </div>
          <Field label={t("projects.settings.role")} id="member-role">
            <Select value={role} onChange={(e) => setRole(e.target.value as ProjectRole)}>
              <RoleOptions />
            </Select>
          </Field>
          <Button type="submit" variant="primary" loading={busy} className="mt-[26px]">
            {t("projects.settings.addMember")}
          </Button>
        </form>
      ) : null}
      <AccessTable caption={t("projects.settings.members")} whoHeading={t("projects.settings.user")} canEdit={canEdit}>
        {list.map((m) => (
          <AccessRow
            key={m.id}
            data-username={m.username}
            name={m.username}
            who={
              <span className="flex items-center gap-2">
                <Avatar username={m.username} size="sm" decorative />
                <span className="font-medium">{m.username}</span>
                {m.username === me ? <Badge>{t("projects.settings.you")}</Badge> : null}
              </span>
            }
            role={m.role}
            canEdit={canEdit}
            removeLabel={t("projects.settings.remove")}
            onRole={(r) => onRole(m, r)}
            onRemove={() => setRemoving(m)}
          />
        ))}
      </AccessTable>
      <Dialog open={removing !== null} onOpenChange={(open) => !open && setRemoving(null)}>
        {removing ? (
          <DialogContent
            size="sm"
            title={t("projects.settings.removeTitle", { username: removing.username })}
            description={t("projects.settings.removeBody", { project: project.name })}
          >
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="ghost">{t("common.cancel")}</Button>
              </DialogClose>
              <Button variant="danger" onClick={() => onRemove(removing)}>
                {t("projects.settings.remove")}
              </Button>
            </DialogFooter>
          </DialogContent>
        ) : null}
      </Dialog>
    </Section>
  );
}

function GroupsSection({
  project,
  groups,
  grantable,
  canEdit,
}: {
  project: SettingsProject;
  groups: SettingsGroup[];
  grantable: { id: number; name: string }[];
  canEdit: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const showError = useErrorToast();
  const [list, setList] = useSynced(groups);
  const available = grantable.filter((g) => !list.some((x) => x.id === g.id));
  const [groupId, setGroupId] = useState("");
  const [role, setRole] = useState<ProjectRole>("member");
  const base = `${projectPath(project.slug)}/groups`;

  async function grant(id: number, r: ProjectRole) {
    const res = await api<SettingsGroup>("POST", base, { group: id, role: r });
    if (res.ok) {
      const g = res.data;
      setList((l) => (l.some((x) => x.id === g.id) ? l.map((x) => (x.id === g.id ? g : x)) : [...l, g]));
      toast(t("common.saved"), { variant: "success" });
      setGroupId("");
      router.refresh();
    } else showError(res.error);
  }

  async function revoke(g: SettingsGroup) {
    const res = await api("DELETE", `${base}/${g.id}`);
    if (res.ok) {
      setList((l) => l.filter((x) => x.id !== g.id));
      toast(t("projects.settings.groupRevoked", { name: g.name }), { variant: "success" });
      router.refresh();
    } else showError(res.error);
  }

  return (
    <Section id="settings-groups" title={t("projects.settings.groups")} description={t("projects.settings.groupsHint")}>
      {canEdit && available.length > 0 ? (
        <form
          noValidate
          className="mb-4 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (groupId) grant(Number(groupId), role);
          }}
        >
          <Field label={t("projects.settings.group")} id="group-select" className="min-w-48 flex-1">
            <Select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
              <option value="">{t("projects.settings.chooseGroup")}</option>
              {available.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("projects.settings.role")} id="group-role">
            <Select value={role} onChange={(e) => setRole(e.target.value as ProjectRole)}>
              <RoleOptions />
            </Select>
          </Field>
          <Button type="submit" variant="secondary" disabled={!groupId}>
            {t("projects.settings.grant")}
          </Button>
        </form>
      ) : null}
      {list.length === 0 ? (
        <p className="text-sm text-muted">{t("projects.settings.noGroups")}</p>
      ) : (
        <AccessTable caption={t("projects.settings.groups")} whoHeading={t("projects.settings.group")} canEdit={canEdit}>
          {list.map((g) => (
            <AccessRow
              key={g.id}
              data-group={g.name}
              name={g.name}
              who={
                <span>
                  <span className="font-medium">{g.name}</span>{" "}
                  <span className="text-xs text-muted">{t("projects.settings.groupMembers", { count: g.memberCount })}</span>
                </span>
              }
              role={g.role}
              canEdit={canEdit}
              removeLabel={t("projects.settings.revoke")}
              onRole={(r) => grant(g.id, r)}
              onRemove={() => revoke(g)}
            />
          ))}
        </AccessTable>
      )}
    </Section>
  );
}

function ArchiveSection({ project, onChange }: { project: SettingsProject; onChange: (p: Partial<SettingsProject>) => void }) {
  const t = useT();
  const router = useRouter();
  const showError = useErrorToast();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function run(action: "archive" | "restore") {
    setBusy(true);
    const res = await api<{ isArchived: boolean }>("POST", `${projectPath(project.slug)}/${action}`);
    setBusy(false);
    setConfirming(false);
    if (res.ok) {
      onChange({ isArchived: res.data.isArchived });
      toast(t(action === "archive" ? "projects.settings.archivedToast" : "projects.settings.restoredToast"), {
        variant: "success",
      });
      router.refresh();
    } else showError(res.error);
  }

  return (
    <Section
      id="settings-archive"
      title={project.isArchived ? t("projects.settings.restoreTitle") : t("projects.settings.archiveTitle")}
      description={project.isArchived ? t("projects.settings.restoreHint") : t("projects.settings.archiveHint")}
    >
      {project.isArchived ? (
        <Button variant="primary" loading={busy} onClick={() => run("restore")}>
          {t("projects.settings.restore")}
        </Button>
      ) : (
        <Dialog open={confirming} onOpenChange={setConfirming}>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t("projects.settings.archive")}
          </Button>
          <DialogContent
            size="sm"
            title={t("projects.settings.archiveConfirm", { name: project.name })}
            description={t("projects.settings.archiveHint")}
          >
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="ghost">{t("common.cancel")}</Button>
              </DialogClose>
              <Button variant="danger" loading={busy} onClick={() => run("archive")}>
                {t("projects.settings.archive")}
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      )}
    </Section>
  );
}
