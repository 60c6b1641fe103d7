import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CardDetailView } from "@/components/card/card-detail-view.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { getCardDetail, listDeletedCards } from "@/lib/boards/card-detail.ts";
import { listComments } from "@/lib/boards/comments.ts";
import { getCardHistory } from "@/lib/boards/history.ts";
import { listLabels } from "@/lib/boards/labels.ts";
import { redirectRenamedProject } from "@/lib/boards/slug-redirect.ts";
import { AppError } from "@/lib/errors.ts";
import { translator } from "@/lib/i18n/index.ts";

export const dynamic = "force-dynamic";

/** `/<slug>/cards/deleted` lists the project's deleted cards; any other key is a card. */
const DELETED = "deleted";

async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string; key: string }> }): Promise<Metadata> {
  const { slug, key } = await params;
  const actor = await requireActor();
  if (key === DELETED) return { title: translator(actor.language)("card.deletedCards") };
  const detail = await orNotFound(getCardDetail(actor, slug, decodeURIComponent(key)));
  return { title: `${detail.card.key} ${detail.card.title}` };
}

export default async function CardPage({ params }: { params: Promise<{ slug: string; key: string }> }) {
  const { slug, key } = await params;
  const actor = await requireActor();
  await redirectRenamedProject(actor, slug, `/cards/${key}`);
  if (key === DELETED) return <DeletedCards slug={slug} />;
  const cardKey = decodeURIComponent(key);
  const detail = await orNotFound(getCardDetail(actor, slug, cardKey));
  const deleted = detail.card.deletedAt !== null;
  const [comments, history, labels] = await Promise.all([
    deleted ? Promise.resolve([]) : listComments(actor, slug, cardKey),
    getCardHistory(actor, slug, cardKey),
    listLabels(actor, slug),
  ]);
  return (
    <CardDetailView
      key={detail.card.key}
      initial={detail}
      initialComments={comments}
      initialHistory={history}
      initialLabels={labels}
      me={{ id: actor.userId, username: actor.username }}
    />
  );
}

async function DeletedCards({ slug }: { slug: string }) {
  const actor = await requireActor();
  const t = translator(actor.language);
  const cards = await orNotFound(listDeletedCards(actor, slug));
  return (
    <div className="mx-auto w-full max-w-3xl px-5 py-5">
      <nav className="mb-4 text-[13px]">
        <Link href={`/${slug}`} className="text-muted hover:text-text">
          ← {t("card.back")}
        </Link>
      </nav>
      <h1 className="text-xl font-semibold tracking-tight text-text">{t("card.deletedCards")}</h1>
      {cards.length === 0 ? (
        <p className="mt-4 text-sm text-muted">{t("card.noDeletedCards")}</p>
      ) : (
        <ul className="mt-4 divide-y divide-border rounded-xl border border-border bg-surface">
          {cards.map((c) => (
            <li key={c.id} className="flex items-center gap-3 px-4 py-2.5 text-sm">
              <Link href={`/${slug}/cards/${c.key}`} className="font-mono text-xs text-accent hover:underline">
                {c.key}
              </Link>
              <span className="min-w-0 flex-1 truncate text-text">{c.title}</span>
              <time className="text-xs text-muted" dateTime={c.deletedAt}>
                {t("card.deletedAt", {
                  date: new Date(c.deletedAt).toLocaleString(actor.language, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
