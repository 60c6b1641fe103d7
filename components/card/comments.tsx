"use client";

import { useEffect, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { Button } from "@/components/ui/button.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { CommentJson } from "@/lib/boards/comments.ts";
import { cardApi } from "./api.ts";
import { MarkdownEditor } from "./description.tsx";
import { useDateFormat } from "./format.ts";
import { Markdown } from "./markdown.tsx";
import { Section } from "./section.tsx";

/** Comments, oldest first; the author edits or deletes their own (deleted ones stay as a note). */
export function Comments({
  base,
  canEdit,
  me,
  initial,
  live,
}: {
  base: string;
  canEdit: boolean;
  me: { id: number; username: string };
  initial: CommentJson[];
  /** The latest comment event of this card (created, edited or deleted by anyone). */
  live: CommentJson | null;
}) {
  const t = useT();
  const date = useDateFormat();
  const [comments, setComments] = useState(initial);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ id: number; body: string } | null>(null);
  const fail = (e: unknown) => toast(t("card.failed", { message: (e as Error).message }), { variant: "error" });
  const replace = (c: CommentJson) => setComments((list) => list.map((x) => (x.id === c.id ? c : x)));
  useEffect(() => {
    if (!live) return;
    setComments((list) =>
      list.some((c) => c.id === live.id) ? list.map((c) => (c.id === live.id ? live : c)) : [...list, live],
    );
  }, [live]);

  const post = async () => {
    if (!draft.trim()) return;
    setBusy(true);
    try {
      const c = await cardApi<CommentJson>(`${base}/comments`, { method: "POST", body: { body: draft } });
      setComments((list) => (list.some((x) => x.id === c.id) ? list : [...list, c]));
      setDraft("");
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const saveEdit = async () => {
    if (!editing?.body.trim()) return;
    try {
      replace(await cardApi<CommentJson>(`${base}/comments/${editing.id}`, { method: "PATCH", body: { body: editing.body } }));
      setEditing(null);
    } catch (e) {
      fail(e);
    }
  };
  const remove = async (id: number) => {
    if (!window.confirm(t("card.confirmDeleteComment"))) return;
    try {
      replace(await cardApi<CommentJson>(`${base}/comments/${id}`, { method: "DELETE" }));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Section title={t("card.comments")} id="card-comments">
      {comments.length === 0 ? <p className="text-sm text-muted">{t("card.noComments")}</p> : null}
      <ol className="flex flex-col gap-3">
        {comments.map((c) => (
          <li key={c.id} className="flex gap-2.5" data-testid="comment">
            <Avatar username={c.user.username} size="sm" decorative />
            <div className="min-w-0 flex-1 rounded-lg border border-border bg-surface px-3 py-2">
              <div className="mb-1 flex flex-wrap items-baseline gap-x-2 text-xs text-muted">
                <span className="font-medium text-text">{c.user.username}</span>
                {c.user.former ? <span>({t("admin.users.status.deleted")})</span> : null}
                <time dateTime={c.createdAt}>{date(c.createdAt)}</time>
                {c.edited ? <span>({t("card.edited")})</span> : null}
                {canEdit && !c.deleted && c.user.id === me.id && editing?.id !== c.id ? (
                  <span className="ml-auto flex gap-1">
                    <Button size="sm" variant="ghost" onClick={() => setEditing({ id: c.id, body: c.body ?? "" })}>
                      {t("card.edit")}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => remove(c.id)} aria-label={t("card.deleteComment")}>
                      {t("card.delete")}
                    </Button>
                  </span>
                ) : null}
              </div>
              {c.deleted ? (
                <p className="text-sm text-muted italic">{t("card.commentDeleted")}</p>
              ) : editing?.id === c.id ? (
                <div>
                  <MarkdownEditor
                    value={editing.body}
                    onChange={(body) => setEditing({ id: c.id, body })}
                    label={t("card.editComment")}
                    rows={3}
                    autoFocus
                  />
                  <div className="mt-2 flex gap-2">
                    <Button size="sm" variant="primary" onClick={saveEdit}>
                      {t("card.save")}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
                      {t("card.cancel")}
                    </Button>
                  </div>
                </div>
              ) : (
                <Markdown source={c.body ?? ""} />
              )}
            </div>
          </li>
        ))}
      </ol>
      {canEdit ? (
        <div className="mt-3">
          <MarkdownEditor
            value={draft}
            onChange={setDraft}
            label={t("card.addComment")}
            placeholder={t("card.addComment")}
            rows={3}
          />
          <Button className="mt-2" size="sm" variant="primary" loading={busy} disabled={!draft.trim()} onClick={post}>
            {t("card.postComment")}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
