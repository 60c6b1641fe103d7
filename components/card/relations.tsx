"use client";

// Sub-cards (children with done/total, add an existing card or create a new one) and references
// to other cards (blocks / is blocked by / relates to; the server keeps both sides).
import Link from "next/link";
import { useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button, IconButton } from "@/components/ui/button.tsx";
import { CheckIcon, XIcon } from "@/components/ui/icons.tsx";
import { Input } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { CardDetail } from "@/lib/boards/card-detail.ts";
import { cardApi, cardPath } from "./api.ts";
import { Section } from "./section.tsx";

const REF_TYPES = ["blocks", "is_blocked_by", "relates_to"] as const;

export function SubCards({
  detail,
  canEdit,
  onChanged,
}: {
  detail: CardDetail;
  canEdit: boolean;
  onChanged: () => Promise<void>;
}) {
  const t = useT();
  const slug = detail.project.slug;
  const [existing, setExisting] = useState("");
  const [title, setTitle] = useState("");
  const fail = (e: unknown) => toast(t("card.failed", { message: (e as Error).message }), { variant: "error" });
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await onChanged();
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };
  const { done, total } = detail.childProgress;
  return (
    <Section
      title={t("card.subcards")}
      id="card-subcards"
      aside={total ? <span className="font-mono text-xs text-muted">{t("card.subcardProgress", { done, total })}</span> : null}
    >
      {detail.parent ? (
        <p className="mb-2 text-[13px] text-muted">
          {t("card.parent")}:{" "}
          <Link className="font-mono text-accent hover:underline" href={`/${slug}/cards/${detail.parent.key}`}>
            {detail.parent.key}
          </Link>{" "}
          {detail.parent.title}
        </p>
      ) : null}
      {detail.children.length ? (
        <ul className="flex flex-col gap-1" data-testid="subcards">
          {detail.children.map((c) => (
            <li key={c.key} className="group flex items-center gap-2 text-sm">
              <span className={c.done ? "text-success" : "text-muted"} title={c.done ? t("card.done") : undefined}>
                {c.done ? <CheckIcon size={14} aria-label={t("card.done")} /> : <span aria-hidden="true">○</span>}
              </span>
              <Link className="font-mono text-xs text-accent hover:underline" href={`/${slug}/cards/${c.key}`}>
                {c.key}
              </Link>
              <span className={`min-w-0 flex-1 truncate ${c.done ? "text-muted line-through" : "text-text"}`}>{c.title}</span>
              {canEdit ? (
                <IconButton
                  size="sm"
                  label={t("card.removeChild", { key: c.key })}
                  className="opacity-0 group-focus-within:opacity-100 group-hover:opacity-100"
                  onClick={() => run(() => cardApi(cardPath(slug, c.key), { method: "PATCH", body: { parentKey: null } }))}
                >
                  <XIcon size={14} />
                </IconButton>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? (
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          <form
            className="flex gap-2"
            onSubmit={async (e) => {
              e.preventDefault();
              const key = existing.trim().toUpperCase();
              if (!key) return;
              const ok = await run(() => cardApi(cardPath(slug, key), { method: "PATCH", body: { parentKey: detail.card.key } }));
              if (ok) setExisting("");
            }}
          >
            <Input
              size="sm"
              value={existing}
              onChange={(e) => setExisting(e.target.value)}
              placeholder={`${detail.project.key}-…`}
              aria-label={t("card.addExistingChild")}
            />
            <Button size="sm" type="submit" disabled={!existing.trim()}>
              {t("card.add")}
            </Button>
          </form>
          <form
            className="flex gap-2"
            onSubmit={async (e) => {
              e.preventDefault();
              if (!title.trim()) return;
              const ok = await run(() =>
                cardApi(`/api/v1/projects/${encodeURIComponent(slug)}/cards`, {
                  method: "POST",
                  body: { title: title.trim(), parentKey: detail.card.key, columnId: detail.columns[0]?.id },
                }),
              );
              if (ok) setTitle("");
            }}
          >
            <Input
              size="sm"
              value={title}
              maxLength={191}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={t("card.newChild")}
              aria-label={t("card.newChild")}
            />
            <Button size="sm" type="submit" disabled={!title.trim()}>
              {t("card.createChild")}
            </Button>
          </form>
        </div>
      ) : null}
    </Section>
  );
}

export function References({
  detail,
  canEdit,
  onChanged,
}: {
  detail: CardDetail;
  canEdit: boolean;
  onChanged: () => Promise<void>;
}) {
  const t = useT();
  const slug = detail.project.slug;
  const base = cardPath(slug, detail.card.key);
  const [type, setType] = useState<(typeof REF_TYPES)[number]>("relates_to");
  const [key, setKey] = useState("");
  const fail = (e: unknown) => toast(t("card.failed", { message: (e as Error).message }), { variant: "error" });
  return (
    <Section title={t("card.references")} id="card-references">
      {detail.references.length ? (
        <ul className="flex flex-col gap-1" data-testid="references">
          {detail.references.map((r) => (
            <li key={r.id} className="group flex items-center gap-2 text-sm">
              <span className="w-32 shrink-0 text-xs text-muted">{t(`card.ref.${r.type}`)}</span>
              <Link className="font-mono text-xs text-accent hover:underline" href={`/${slug}/cards/${r.key}`}>
                {r.key}
              </Link>
              <span className="min-w-0 flex-1 truncate text-text">{r.title}</span>
              {canEdit ? (
                <IconButton
                  size="sm"
                  label={t("card.removeRef", { key: r.key })}
                  className="opacity-0 group-focus-within:opacity-100 group-hover:opacity-100"
                  onClick={async () => {
                    try {
                      await cardApi(`${base}/references`, { method: "DELETE", body: { type: r.type, key: r.key } });
                      await onChanged();
                    } catch (e) {
                      fail(e);
                    }
                  }}
                >
                  <XIcon size={14} />
                </IconButton>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? (
        <form
          className="mt-2 flex flex-wrap items-center gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!key.trim()) return;
            try {
              await cardApi(`${base}/references`, { method: "POST", body: { type, key: key.trim().toUpperCase() } });
              setKey("");
              await onChanged();
            } catch (err) {
              fail(err);
            }
          }}
        >
          <select
            aria-label={t("card.refType")}
            value={type}
            onChange={(e) => setType(e.target.value as (typeof REF_TYPES)[number])}
            className="h-7 rounded-md border border-border bg-surface px-2 text-xs text-text"
          >
            {REF_TYPES.map((r) => (
              <option key={r} value={r}>
                {t(`card.ref.${r}`)}
              </option>
            ))}
          </select>
          <div className="w-36">
            <Input
              size="sm"
              value={key}
              onChange={(e) => setKey(e.target.value)}
              placeholder={`${detail.project.key}-…`}
              aria-label={t("card.refKey")}
            />
          </div>
          <Button size="sm" type="submit" disabled={!key.trim()}>
            {t("card.add")}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}
