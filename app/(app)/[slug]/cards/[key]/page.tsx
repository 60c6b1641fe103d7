import type { Metadata } from "next";
import Link from "next/link";
import { CardDetailView } from "@/components/card/card-detail-view.tsx";
import { loadCardPage, orNotFound } from "@/components/card/card-page-data.ts";
import { requireActor } from "@/lib/auth/current.ts";
import { listDeletedCards } from "@/lib/boards/card-detail.ts";
import { redirectRenamedProject } from "@/lib/boards/slug-redirect.ts";
import { translator } from "@/lib/i18n/index.ts";

export const dynamic = "force-dynamic";

/** `/<slug>/cards/deleted` lists the project's deleted cards; any other key is a card. */
const DELETED = "deleted";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; key: string }> }): Promise<Metadata> {
  const { slug, key } = await params;
  const actor = await requireActor();
  if (key === DELETED) return { title: translator(actor.language)("card.deletedCards") };
  const { initial } = await loadCardPage(slug, key);
  return { title: `${initial.card.key} ${initial.card.title}` };
}

export default async function CardPage({ params }: { params: Promise<{ slug: string; key: string }> }) {
  const { slug, key } = await params;
  const actor = await requireActor();
  await redirectRenamedProject(actor, slug, `/cards/${key}`);
  if (key === DELETED) return <DeletedCards slug={slug} />;
  // The same load as the dialog over the board (@modal/(.)cards/[key]).
  const props = await loadCardPage(slug, key);
  return <CardDetailView key={props.initial.card.key} {...props} />;
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
