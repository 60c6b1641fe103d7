"use client";

// The card detail: every field editable in place for members, read-only for viewers. Card edits
// send `version`; a 409 shows the newer card and offers to re-apply the user's change.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactElement, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { LiveStatus } from "@/components/realtime/live-status.tsx";
import { PresenceAvatars } from "@/components/realtime/presence-avatars.tsx";
import { usePresence, useRealtime } from "@/components/realtime/use-realtime.ts";
import { Button } from "@/components/ui/button.tsx";
import { AlertIcon } from "@/components/ui/icons.tsx";
import { Input } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { CardDetail, CardDetailJson } from "@/lib/boards/card-detail.ts";
import type { CommentJson } from "@/lib/boards/comments.ts";
import type { PresenceUser, WireEvent } from "@/lib/realtime/events.ts";
import { CardApiError, cardApi, cardPath, readAfterWrites } from "./api.ts";
import { CardAttachments } from "./attachments.tsx";
import { Checklist } from "./checklist.tsx";
import { Comments } from "./comments.tsx";
import { DescriptionEditor } from "./description.tsx";
import { DevelopmentLinks } from "./dev-links.tsx";
import { History, type HistoryRow } from "./history.tsx";
import { References, SubCards } from "./relations.tsx";
import { Section } from "./section.tsx";
import { Sidebar } from "./sidebar.tsx";

export type CardPatch = Partial<{
  title: string;
  description: string | null;
  priority: string;
  type: string;
  dueDate: string | null;
  estimateHours: number;
  storyPoints: number;
  assignees: string[];
  labels: string[];
  parentKey: string | null;
}>;

export type Label = { id: number; name: string; color: string };

/** What the server loads for a card (components/card/card-page-data.ts), for the page and the dialog alike. */
export type CardDetailProps = {
  initial: CardDetail;
  initialComments: CommentJson[];
  initialHistory: HistoryRow[];
  initialLabels: Label[];
  me: { id: number; username: string };
};

export function CardDetailView({
  initial,
  initialComments,
  initialHistory,
  initialLabels,
  me,
  variant = "page",
  renderTitle,
  onDeleted,
}: CardDetailProps & {
  /** "dialog": over the board (components/card/card-dialog.tsx), without the page's navigation. */
  variant?: "page" | "dialog";
  /** Wraps the card's title heading (the dialog makes it the dialog's accessible name). */
  renderTitle?: (heading: ReactElement) => ReactNode;
  /** After the card was deleted; the page goes back to the board. */
  onDeleted?: () => void;
}) {
  const t = useT();
  const router = useRouter();
  const [detail, setDetail] = useState(initial);
  const [history, setHistory] = useState(initialHistory);
  const [labels, setLabels] = useState(initialLabels);
  const [conflict, setConflict] = useState<CardPatch | null>(null);
  const card = detail.card;
  const slug = detail.project.slug;
  const base = cardPath(slug, card.key);
  const deleted = card.deletedAt !== null;
  const canEdit = detail.canEdit && !deleted;

  // Only the latest reload is applied: answers of overlapping reloads can arrive out of order.
  const reloads = useRef(0);
  const refresh = useCallback(async () => {
    const mine = ++reloads.current;
    const [next, hist] = await readAfterWrites(() =>
      Promise.all([cardApi<CardDetail>(`${base}?detail=1`), cardApi<HistoryRow[]>(`${base}/history`)]),
    );
    if (mine !== reloads.current) return;
    setDetail(next);
    setHistory(hist);
  }, [base]);

  // Live: another person's change to this card (or its checklist, comments, references) reloads
  // the view, at most once per burst of events. Comments are applied one by one.
  const [liveComment, setLiveComment] = useState<CommentJson | null>(null);
  const [attachmentsTick, setAttachmentsTick] = useState(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onEvent = useCallback(
    (event: WireEvent) => {
      const data = event.data as { key?: string; cardKey?: string; cards?: { key: string }[] } | null;
      const mine = data?.key === card.key || data?.cardKey === card.key || (data?.cards ?? []).some((c) => c.key === card.key);
      if (!mine) return;
      if (event.type.startsWith("attachment.")) {
        setAttachmentsTick((n) => n + 1);
        return;
      }
      if (event.type.startsWith("comment.")) {
        setLiveComment(event.data as CommentJson);
        return;
      }
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(() => void refresh().catch(() => undefined), 150);
    },
    [card.key, refresh],
  );
  const room = `project:${detail.project.id}`;
  const status = useRealtime({
    room,
    onEvent,
    onResync: () => void refresh().catch(() => undefined),
    // Access was taken away: the server now answers "not found" for this card.
    onDenied: () => router.refresh(),
  });
  // Others see who has this card open, and who is typing in one of its fields right now.
  const [isEditing, setEditing] = useState(false);
  const present = usePresence(room, { card: card.key, editing: isEditing });
  const here = present.filter((u) => u.id !== me.id && u.card === card.key);
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onFocusChange = (e: FocusEvent) => {
      const el = (e.type === "focusin" ? e.target : e.relatedTarget) as HTMLElement | null;
      setEditing(!!el && root.contains(el) && (el.isContentEditable || el.tagName === "INPUT" || el.tagName === "TEXTAREA"));
    };
    root.addEventListener("focusin", onFocusChange);
    root.addEventListener("focusout", onFocusChange);
    return () => {
      root.removeEventListener("focusin", onFocusChange);
      root.removeEventListener("focusout", onFocusChange);
    };
  }, []);

  const save = useCallback(
    async (patch: CardPatch, version = card.version): Promise<boolean> => {
      try {
        const updated = await cardApi<CardDetailJson>(base, { method: "PATCH", body: { ...patch, version } });
        setDetail((d) => ({ ...d, card: { ...d.card, ...updated } }));
        setConflict(null);
        void refresh().catch(() => undefined);
        return true;
      } catch (e) {
        if (e instanceof CardApiError && e.status === 409 && (e.details as { current?: CardDetailJson })?.current) {
          const current = (e.details as { current: CardDetailJson }).current;
          setDetail((d) => ({ ...d, card: { ...d.card, ...current } }));
          setConflict(patch);
          void refresh().catch(() => undefined);
          return false;
        }
        toast(t("card.failed", { message: (e as Error).message }), { variant: "error" });
        return false;
      }
    },
    [base, card.version, refresh, t],
  );

  const remove = async () => {
    if (!window.confirm(t("card.confirmDelete", { key: card.key }))) return;
    try {
      await cardApi(base, { method: "DELETE" });
      if (onDeleted) onDeleted();
      else router.push(`/${slug}`);
    } catch (e) {
      toast(t("card.failed", { message: (e as Error).message }), { variant: "error" });
    }
  };
  const restore = async () => {
    try {
      await cardApi(`${base}/restore`, { method: "POST" });
      toast(t("card.restored", { key: card.key }), { variant: "success" });
      await refresh();
    } catch (e) {
      toast(t("card.failed", { message: (e as Error).message }), { variant: "error" });
    }
  };

  return (
    <div
      className={variant === "page" ? "mx-auto w-full max-w-5xl px-5 py-5" : "w-full px-5 pt-1 pb-6"}
      data-testid="card-detail"
      data-variant={variant}
      data-version={card.version}
      ref={rootRef}
    >
      {variant === "page" ? (
        <nav className="mb-4 flex items-center justify-between gap-3 text-[13px]">
          <Link href={`/${slug}`} className="text-muted hover:text-text">
            ← {t("card.back")}
          </Link>
          <LiveStatus status={status} className="ml-auto" />
          {/* A full page load: a client navigation to /cards/… would open the card dialog instead. */}
          <a href={`/${slug}/cards/deleted`} className="text-muted hover:text-text">
            {t("card.deletedCards")}
          </a>
        </nav>
      ) : null}
      {deleted ? (
        <Banner tone="danger">
          <span>{t("card.deletedBanner")}</span>
          {detail.canEdit ? (
            <Button size="sm" variant="secondary" onClick={restore}>
              {t("card.restore")}
            </Button>
          ) : null}
        </Banner>
      ) : !detail.canEdit ? (
        <Banner tone="info">
          <span>{detail.project.isArchived ? t("card.archived") : t("card.readOnly")}</span>
        </Banner>
      ) : null}
      {conflict ? (
        <Banner tone="warning" role="alert">
          <span>{t("card.conflict")}</span>
          <span className="flex gap-2">
            <Button size="sm" variant="primary" onClick={() => save(conflict, card.version)}>
              {t("card.reapply")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConflict(null)}>
              {t("card.dismiss")}
            </Button>
          </span>
        </Banner>
      ) : null}
      <div className="grid gap-8 md:grid-cols-[minmax(0,1fr)_17rem]">
        <article className="min-w-0">
          <div className="flex min-h-6 flex-wrap items-center gap-x-3 gap-y-1">
            <p className="font-mono text-xs text-muted">{card.key}</p>
            <CardPresence users={here} />
          </div>
          <Title
            title={card.title}
            version={card.version}
            canEdit={canEdit}
            onSave={(title, version) => save({ title }, version)}
            renderTitle={renderTitle}
          />
          <Section title={t("card.description")} id="card-description">
            <DescriptionEditor
              value={card.description ?? ""}
              version={card.version}
              canEdit={canEdit}
              onSave={(description, version) => save({ description: description || null }, version)}
            />
          </Section>
          <Checklist
            base={base}
            canEdit={canEdit}
            items={detail.checklistItems}
            onChange={(items) =>
              setDetail((d) => ({
                ...d,
                checklistItems: items,
                card: { ...d.card, checklist: { done: items.filter((i) => i.done).length, total: items.length } },
              }))
            }
            onHistory={() => void refresh().catch(() => undefined)}
          />
          <SubCards detail={detail} canEdit={canEdit} onChanged={refresh} />
          <References detail={detail} canEdit={canEdit} onChanged={refresh} />
          <CardAttachments base={base} canEdit={canEdit} isAdmin={detail.role === "admin"} me={me} reloadKey={attachmentsTick} />
          <DevelopmentLinks links={card.links} />
          <Comments base={base} canEdit={canEdit} me={me} initial={initialComments} live={liveComment} />
          <History rows={history} />
        </article>
        <Sidebar
          detail={detail}
          canEdit={canEdit}
          labels={labels}
          onLabelsChange={setLabels}
          onSave={save}
          onDelete={detail.canEdit && !deleted ? remove : undefined}
        />
      </div>
    </div>
  );
}

/** "Anna is editing this card" / "Anna, Mo also have this card open", with their avatars. */
function CardPresence({ users }: { users: PresenceUser[] }) {
  const t = useT();
  if (users.length === 0) return null;
  const editor = users.find((u) => u.editing);
  const names = users.map((u) => u.username).join(", ");
  const text = editor
    ? t("realtime.cardEditing", { name: editor.username })
    : t(users.length === 1 ? "realtime.cardViewing" : "realtime.cardViewingMany", { names });
  return (
    <div className="flex items-center gap-2 text-[12px] text-muted" data-testid="card-presence">
      <PresenceAvatars users={users} />
      <span aria-live="polite">{text}</span>
    </div>
  );
}

function Banner({
  tone,
  children,
  role,
}: {
  tone: "danger" | "warning" | "info";
  children: React.ReactNode;
  role?: "alert" | "status";
}) {
  const cls =
    tone === "danger"
      ? "border-danger/40 bg-danger-soft"
      : tone === "warning"
        ? "border-warning/40 bg-warning-soft"
        : "border-border bg-surface-2";
  return (
    <div
      role={role ?? "status"}
      className={`mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border px-3 py-2 text-sm text-text ${cls}`}
    >
      <span className="flex items-center gap-2">
        <AlertIcon size={16} aria-hidden="true" />
        {children}
      </span>
    </div>
  );
}

function Title({
  title,
  version,
  canEdit,
  onSave,
  renderTitle = (heading) => heading,
}: {
  title: string;
  version: number;
  canEdit: boolean;
  onSave: (t: string, version: number) => Promise<boolean>;
  renderTitle?: (heading: ReactElement) => ReactNode;
}) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  // The version the edit started from: a change by someone else meanwhile answers 409.
  const [base, setBase] = useState(version);
  const [value, setValue] = useState(title);
  const [busy, setBusy] = useState(false);
  if (!editing) {
    return (
      <div className="group mt-1 flex items-start gap-2">
        {renderTitle(
          <h1 className="text-xl font-semibold tracking-tight break-words text-text" data-testid="card-title">
            {title}
          </h1>,
        )}
        {canEdit ? (
          <Button
            size="sm"
            variant="ghost"
            aria-label={t("card.editTitle")}
            onClick={() => {
              setValue(title);
              setBase(version);
              setEditing(true);
            }}
          >
            {t("card.edit")}
          </Button>
        ) : null}
      </div>
    );
  }
  const submit = async () => {
    const next = value.trim();
    if (!next || next === title) return setEditing(false);
    setBusy(true);
    await onSave(next, base);
    setBusy(false);
    setEditing(false);
  };
  return (
    <form
      className="mt-1 flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Input
        aria-label={t("card.title")}
        value={value}
        maxLength={191}
        autoFocus
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") setEditing(false);
        }}
        className="text-lg font-semibold"
      />
      <Button type="submit" variant="primary" loading={busy}>
        {t("card.save")}
      </Button>
      <Button variant="ghost" onClick={() => setEditing(false)}>
        {t("card.cancel")}
      </Button>
    </form>
  );
}
