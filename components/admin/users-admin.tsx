"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { type FormEvent, useEffect, useId, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { PageHeader } from "@/components/shell/page-header.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button, buttonClasses, IconButton } from "@/components/ui/button.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { CheckIcon, MoreIcon, PlusIcon, SearchIcon } from "@/components/ui/icons.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from "@/components/ui/menu.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { MessageKey } from "@/lib/i18n/index.ts";
import { LANGUAGE_NAMES, LANGUAGES } from "@/lib/i18n/locales.ts";
import { AdminPage, type ApiError, api, DateTime, Select, useAdminErrorToast } from "./shared.tsx";

export type AdminUserRow = {
  id: number;
  email: string;
  username: string;
  role: string;
  language: string;
  avatar: string | null;
  status: "active" | "disabled" | "deleted";
  mfaEnabled: boolean;
  mustChangePassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
};

type Action = "disable" | "enable" | "reset-password" | "reset-mfa" | "delete";

const STATUS_FILTERS: { value: string; label: MessageKey }[] = [
  { value: "", label: "admin.users.filter.current" },
  { value: "active", label: "admin.users.filter.active" },
  { value: "disabled", label: "admin.users.filter.disabled" },
  { value: "deleted", label: "admin.users.filter.deleted" },
  { value: "all", label: "admin.users.filter.all" },
];

export function UsersAdmin({
  users,
  total,
  page,
  pageSize,
  q,
  status,
  meId,
}: {
  users: AdminUserRow[];
  total: number;
  page: number;
  pageSize: number;
  q: string;
  status: string;
  meId: number;
}) {
  const t = useT();
  // The rows follow the server's list (after router.refresh) but take an action's answer at once.
  const [rows, setRows] = useState(users);
  useEffect(() => setRows(users), [users]);
  const onUpdated = (user: AdminUserRow) => setRows((list) => list.map((r) => (r.id === user.id ? { ...r, ...user } : r)));
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminUserRow | null>(null);
  const [confirming, setConfirming] = useState<{ user: AdminUserRow; action: Action } | null>(null);
  const [secret, setSecret] = useState<{ username: string; password: string; created: boolean } | null>(null);
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <AdminPage>
      <PageHeader
        title={t("admin.users.title")}
        description={t("admin.users.description")}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            <PlusIcon />
            {t("admin.users.create")}
          </Button>
        }
      />
      <Filters q={q} status={status} />
      <p className="-mt-3 text-sm text-muted" aria-live="polite">
        {t("admin.users.count", { count: total })}
      </p>
      <div className="overflow-x-auto rounded-lg border border-border bg-surface shadow-sm">
        <table className="w-full min-w-[56rem] text-sm">
          <caption className="sr-only">{t("admin.users.title")}</caption>
          <thead className="border-b border-border bg-surface-2/60 text-left text-xs whitespace-nowrap text-muted">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-medium">
                {t("admin.users.col.user")}
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                {t("admin.users.col.email")}
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                {t("admin.users.col.role")}
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                {t("admin.users.col.status")}
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                {t("admin.users.col.mfa")}
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                {t("admin.users.col.lastSignIn")}
              </th>
              <th scope="col" className="px-3 py-2.5 font-medium">
                {t("admin.users.col.created")}
              </th>
              <th scope="col" className="w-12 px-3 py-2.5">
                <span className="sr-only">{t("admin.users.col.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-4 py-10 text-center text-muted">
                  {t("admin.users.empty")}
                </td>
              </tr>
            ) : (
              rows.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  isMe={u.id === meId}
                  onEdit={() => setEditing(u)}
                  onAction={(action) => setConfirming({ user: u, action })}
                />
              ))
            )}
          </tbody>
        </table>
      </div>
      {pages > 1 ? <Pagination page={page} pages={pages} q={q} status={status} /> : null}
      <CreateUserDialog
        open={creating}
        onOpenChange={setCreating}
        onCreated={(user, password) => {
          // Shown at once at the top; the next refresh puts it in its place in the list.
          setRows((list) => [user, ...list.filter((r) => r.id !== user.id)]);
          setSecret({ username: user.username, password, created: true });
        }}
      />
      {editing ? (
        <EditUserDialog user={editing} isMe={editing.id === meId} onClose={() => setEditing(null)} onUpdated={onUpdated} />
      ) : null}
      {confirming ? (
        <ConfirmDialog
          user={confirming.user}
          action={confirming.action}
          onClose={() => setConfirming(null)}
          onUpdated={onUpdated}
          onPassword={(password) => setSecret({ username: confirming.user.username, password, created: false })}
        />
      ) : null}
      {secret ? <TemporaryPasswordDialog {...secret} onClose={() => setSecret(null)} /> : null}
    </AdminPage>
  );
}

function Filters({ q, status }: { q: string; status: string }) {
  const t = useT();
  const router = useRouter();
  const pathname = usePathname();
  const [query, setQuery] = useState(q);
  const go = (nextQ: string, nextStatus: string) => {
    const params = new URLSearchParams();
    if (nextQ.trim()) params.set("q", nextQ.trim());
    if (nextStatus) params.set("status", nextStatus);
    const qs = params.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname);
  };
  // A plain GET form: it works before hydration too; afterwards the router keeps the page state.
  return (
    <search>
      <form
        method="get"
        action="/admin/users"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e: FormEvent<HTMLFormElement>) => {
          e.preventDefault();
          go(query, status);
        }}
      >
        <Field label={t("admin.users.search")} className="min-w-64 flex-1" id="users-search">
          <Input
            name="q"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("admin.users.searchPlaceholder")}
            autoComplete="off"
          />
        </Field>
        <Field label={t("admin.users.col.status")} id="users-status">
          <Select name="status" value={status} onChange={(e) => go(query, e.target.value)}>
            {STATUS_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {t(f.label)}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit">
          <SearchIcon />
          {t("common.search")}
        </Button>
      </form>
    </search>
  );
}

function StatusBadge({ status }: { status: AdminUserRow["status"] }) {
  const t = useT();
  if (status === "active") return <Badge variant="success">{t("admin.users.status.active")}</Badge>;
  if (status === "disabled") return <Badge variant="warning">{t("admin.users.status.disabled")}</Badge>;
  return <Badge variant="outline">{t("admin.users.status.deleted")}</Badge>;
}

function UserRow({
  user,
  isMe,
  onEdit,
  onAction,
}: {
  user: AdminUserRow;
  isMe: boolean;
  onEdit: () => void;
  onAction: (action: Action) => void;
}) {
  const t = useT();
  const former = user.status === "deleted";
  return (
    <tr data-username={user.username} className="border-b border-border last:border-0 hover:bg-surface-2/40">
      <td className="px-4 py-2.5">
        <div className="flex items-center gap-2.5">
          <Avatar username={user.username} src={user.avatar} size="sm" decorative />
          <span className={former ? "text-muted line-through decoration-muted/60" : "font-medium"}>{user.username}</span>
          {isMe ? <Badge variant="accent">{t("admin.users.you")}</Badge> : null}
          {user.mustChangePassword && !former ? (
            <Badge variant="outline" title={t("admin.users.mustChangeHint")}>
              {t("admin.users.mustChange")}
            </Badge>
          ) : null}
        </div>
      </td>
      <td className="max-w-56 truncate px-3 py-2.5 text-muted" title={user.email}>
        {user.email}
      </td>
      <td className="px-3 py-2.5">
        {user.role === "admin" ? (
          <Badge variant="accent">{t("admin.users.role.admin")}</Badge>
        ) : (
          <span className="text-muted">{t("admin.users.role.user")}</span>
        )}
      </td>
      <td className="px-3 py-2.5">
        <StatusBadge status={user.status} />
      </td>
      <td className="px-3 py-2.5">
        {user.mfaEnabled ? (
          <Badge variant="success">
            <CheckIcon size={12} />
            {t("admin.users.mfa.on")}
          </Badge>
        ) : (
          <span className="text-muted">{t("admin.users.mfa.off")}</span>
        )}
      </td>
      <td className="px-3 py-2.5 whitespace-nowrap">
        <DateTime iso={user.lastSignInAt} withTime />
      </td>
      <td className="px-3 py-2.5 whitespace-nowrap text-muted">
        <DateTime iso={user.createdAt} />
      </td>
      <td className="px-3 py-1.5 text-right">
        {former ? null : (
          <Menu>
            <MenuTrigger asChild>
              <IconButton label={t("admin.users.actionsFor", { username: user.username })} size="sm">
                <MoreIcon />
              </IconButton>
            </MenuTrigger>
            <MenuContent>
              <MenuItem onSelect={onEdit}>{t("admin.users.action.edit")}</MenuItem>
              <MenuItem disabled={isMe} onSelect={() => onAction("reset-password")}>
                {t("admin.users.action.resetPassword")}
              </MenuItem>
              <MenuItem disabled={isMe || !user.mfaEnabled} onSelect={() => onAction("reset-mfa")}>
                {t("admin.users.action.resetMfa")}
              </MenuItem>
              <MenuSeparator />
              {user.status === "disabled" ? (
                <MenuItem onSelect={() => onAction("enable")}>{t("admin.users.action.enable")}</MenuItem>
              ) : (
                <MenuItem disabled={isMe} onSelect={() => onAction("disable")}>
                  {t("admin.users.action.disable")}
                </MenuItem>
              )}
              <MenuItem variant="danger" disabled={isMe} onSelect={() => onAction("delete")}>
                {t("admin.users.action.delete")}
              </MenuItem>
            </MenuContent>
          </Menu>
        )}
      </td>
    </tr>
  );
}

function Pagination({ page, pages, q, status }: { page: number; pages: number; q: string; status: string }) {
  const t = useT();
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (status) params.set("status", status);
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return qs ? `/admin/users?${qs}` : "/admin/users";
  };
  return (
    <nav aria-label={t("admin.users.pagination")} className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link className={buttonClasses({ size: "sm" })} href={href(page - 1)}>
          {t("admin.users.prev")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">{t("admin.users.pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link className={buttonClasses({ size: "sm" })} href={href(page + 1)}>
          {t("admin.users.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

type FormErrors = Partial<Record<"email" | "username", string>>;

function fieldErrors(t: ReturnType<typeof useT>, code: string, fields: string[]): FormErrors {
  const errors: FormErrors = {};
  for (const f of fields) {
    if (f === "email") errors.email = t(code === "conflict" ? "admin.users.error.emailTaken" : "admin.users.error.email");
    if (f === "username")
      errors.username = t(code === "conflict" ? "admin.users.error.usernameTaken" : "admin.users.error.username");
  }
  // A duplicate caught by the database names no field: the message says which.
  if (code === "conflict" && fields.length === 0) errors.email = t("admin.users.error.taken");
  return errors;
}

type UserFormValues = { email: string; username: string; role: string; language: string };

/** Form state shared by the create and edit dialogs; a refused save marks its fields and focuses the
 * first one (ids `<prefix>-email`, `<prefix>-username`), or toasts an error no field shows. */
function useUserForm(prefix: string, initial: UserFormValues) {
  const t = useT();
  const showError = useAdminErrorToast();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof UserFormValues, value: string) => setValues((prev) => ({ ...prev, [field]: value }));
  const reset = () => {
    setValues(initial);
    setErrors({});
  };
  const refused = (error: ApiError) => {
    const next = fieldErrors(t, error.code, error.fields);
    setErrors(next);
    const first = (["email", "username"] as const).find((f) => next[f]);
    if (first) document.getElementById(`${prefix}-${first}`)?.focus();
    else showError(error);
  };
  return { values, set, errors, busy, setBusy, reset, refused };
}

function UserFormFields({
  prefix,
  form,
  usernameHint,
  roleHint,
  roleLocked = false,
  languageDefault = false,
}: {
  prefix: string;
  form: ReturnType<typeof useUserForm>;
  usernameHint?: string;
  roleHint?: string;
  roleLocked?: boolean;
  /** Offer "instance default" as the language (when creating). */
  languageDefault?: boolean;
}) {
  const t = useT();
  const { values, set, errors } = form;
  return (
    <>
      <Field label={t("admin.users.col.email")} error={errors.email} id={`${prefix}-email`}>
        <Input
          type="email"
          value={values.email}
          onChange={(e) => set("email", e.target.value)}
          required
          autoComplete="off"
          maxLength={191}
        />
      </Field>
      <Field label={t("admin.users.username")} error={errors.username} hint={usernameHint} id={`${prefix}-username`}>
        <Input
          value={values.username}
          onChange={(e) => set("username", e.target.value)}
          required
          autoComplete="off"
          maxLength={32}
          spellCheck={false}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("admin.users.col.role")} id={`${prefix}-role`} hint={roleHint}>
          <Select value={values.role} onChange={(e) => set("role", e.target.value)} disabled={roleLocked}>
            <option value="user">{t("admin.users.role.user")}</option>
            <option value="admin">{t("admin.users.role.admin")}</option>
          </Select>
        </Field>
        <Field label={t("admin.users.language")} id={`${prefix}-language`}>
          <Select value={values.language} onChange={(e) => set("language", e.target.value)}>
            {languageDefault ? <option value="">{t("admin.users.languageDefault")}</option> : null}
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </>
  );
}

function UserFormFooter({ busy, submit }: { busy: boolean; submit: string }) {
  const t = useT();
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button>{t("common.cancel")}</Button>
      </DialogClose>
      <Button type="submit" variant="primary" loading={busy}>
        {submit}
      </Button>
    </DialogFooter>
  );
}

function CreateUserDialog({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (user: AdminUserRow, password: string) => void;
}) {
  const t = useT();
  const router = useRouter();
  const form = useUserForm("create", { email: "", username: "", role: "user", language: "" });
  const { values, setBusy, reset } = form;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const res = await api<{ user: AdminUserRow; temporaryPassword: string }>("POST", "/admin/users", {
      email: values.email,
      username: values.username,
      role: values.role,
      ...(values.language ? { language: values.language } : {}),
    });
    setBusy(false);
    if (res.ok) {
      reset();
      onOpenChange(false);
      onCreated(res.data.user, res.data.temporaryPassword);
      router.refresh();
      return;
    }
    form.refused(res.error);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) reset();
        onOpenChange(next);
      }}
    >
      <DialogContent title={t("admin.users.create")} description={t("admin.users.createHint")}>
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
          <UserFormFields prefix="create" form={form} usernameHint={t("admin.users.usernameHint")} languageDefault />
          <UserFormFooter busy={form.busy} submit={t("admin.users.createSubmit")} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

function EditUserDialog({
  user,
  isMe,
  onClose,
  onUpdated,
}: {
  user: AdminUserRow;
  isMe: boolean;
  onClose: () => void;
  onUpdated: (user: AdminUserRow) => void;
}) {
  const t = useT();
  const router = useRouter();
  const form = useUserForm("edit", { email: user.email, username: user.username, role: user.role, language: user.language });
  const { values, setBusy } = form;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes: Record<string, string> = {};
    if (values.email.trim().toLowerCase() !== user.email) changes.email = values.email;
    if (values.username.trim() !== user.username) changes.username = values.username;
    if (values.role !== user.role) changes.role = values.role;
    if (values.language !== user.language) changes.language = values.language;
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    const res = await api<AdminUserRow>("PATCH", `/admin/users/${user.id}`, changes);
    setBusy(false);
    if (res.ok) {
      onUpdated(res.data);
      toast(t("common.saved"), { variant: "success" });
      onClose();
      router.refresh();
      return;
    }
    form.refused(res.error);
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={t("admin.users.editTitle", { username: user.username })}>
        <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
          <UserFormFields
            prefix="edit"
            form={form}
            roleHint={isMe ? t("admin.users.ownRoleHint") : undefined}
            roleLocked={isMe}
          />
          <UserFormFooter busy={form.busy} submit={t("common.save")} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

const CONFIRM: Record<Action, { title: MessageKey; body: MessageKey; submit: MessageKey; done: MessageKey; danger: boolean }> = {
  disable: {
    title: "admin.users.confirm.disable.title",
    body: "admin.users.confirm.disable.body",
    submit: "admin.users.submit.disable",
    done: "admin.users.done.disabled",
    danger: true,
  },
  enable: {
    title: "admin.users.confirm.enable.title",
    body: "admin.users.confirm.enable.body",
    submit: "admin.users.submit.enable",
    done: "admin.users.done.enabled",
    danger: false,
  },
  "reset-password": {
    title: "admin.users.confirm.resetPassword.title",
    body: "admin.users.confirm.resetPassword.body",
    submit: "admin.users.submit.resetPassword",
    done: "admin.users.done.passwordReset",
    danger: true,
  },
  "reset-mfa": {
    title: "admin.users.confirm.resetMfa.title",
    body: "admin.users.confirm.resetMfa.body",
    submit: "admin.users.submit.resetMfa",
    done: "admin.users.done.mfaReset",
    danger: true,
  },
  delete: {
    title: "admin.users.confirm.delete.title",
    body: "admin.users.confirm.delete.body",
    submit: "admin.users.submit.delete",
    done: "admin.users.done.deleted",
    danger: true,
  },
};

function ConfirmDialog({
  user,
  action,
  onClose,
  onUpdated,
  onPassword,
}: {
  user: AdminUserRow;
  action: Action;
  onClose: () => void;
  onUpdated: (user: AdminUserRow) => void;
  onPassword: (password: string) => void;
}) {
  const t = useT();
  const router = useRouter();
  const showError = useAdminErrorToast();
  const [busy, setBusy] = useState(false);
  const text = CONFIRM[action];

  async function run() {
    setBusy(true);
    const res =
      action === "delete"
        ? await api("DELETE", `/admin/users/${user.id}`)
        : await api<AdminUserRow | { user: AdminUserRow; temporaryPassword: string }>(
            "POST",
            `/admin/users/${user.id}/${action}`,
          );
    setBusy(false);
    onClose();
    if (!res.ok) {
      showError(res.error);
      return;
    }
    const data = res.data as AdminUserRow | { user: AdminUserRow; temporaryPassword: string } | undefined;
    if (action === "delete") onUpdated({ ...user, status: "deleted" });
    else if (data && "temporaryPassword" in data) onUpdated(data.user);
    else if (data) onUpdated(data as AdminUserRow);
    const password = data && "temporaryPassword" in data ? data.temporaryPassword : undefined;
    if (password) onPassword(password);
    else toast(t(text.done, { username: user.username }), { variant: "success" });
    router.refresh();
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        size="sm"
        title={t(text.title, { username: user.username })}
        description={t(text.body, { username: user.username })}
      >
        <DialogFooter className="mt-2">
          <DialogClose asChild>
            <Button>{t("common.cancel")}</Button>
          </DialogClose>
          <Button variant={text.danger ? "danger" : "primary"} loading={busy} onClick={run}>
            {t(text.submit)}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** The temporary password, shown exactly once: the server keeps only its hash. */
function TemporaryPasswordDialog({
  username,
  password,
  created,
  onClose,
}: {
  username: string;
  password: string;
  created: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        title={t(created ? "admin.users.secret.createdTitle" : "admin.users.secret.resetTitle", { username })}
        description={t("admin.users.secret.body")}
      >
        <div className="flex flex-col gap-3">
          <Field label={t("admin.users.secret.label")} id={`${id}-password`}>
            <Input
              readOnly
              value={password}
              className="font-mono text-base tracking-wider"
              onFocus={(e) => e.currentTarget.select()}
              data-testid="temporary-password"
            />
          </Field>
          <p className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm text-warning">
            {t("admin.users.secret.once")}
          </p>
          <p className="sr-only" aria-live="polite">
            {copied ? t("admin.users.secret.copied") : ""}
          </p>
        </div>
        <DialogFooter>
          <Button
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(password);
                setCopied(true);
              } catch {
                (document.getElementById(`${id}-password`) as HTMLInputElement | null)?.select();
              }
            }}
          >
            {copied ? <CheckIcon /> : null}
            {copied ? t("admin.users.secret.copied") : t("admin.users.secret.copy")}
          </Button>
          <DialogClose asChild>
            <Button variant="primary">{t("admin.users.secret.done")}</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
