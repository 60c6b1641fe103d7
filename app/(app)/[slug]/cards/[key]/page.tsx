import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Avatar } from "@/components/ui/avatar.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { getBoard } from "@/lib/boards/board.ts";
import { getCard } from "@/lib/boards/cards.ts";
import { AppError } from "@/lib/errors.ts";
import { translator } from "@/lib/i18n/index.ts";

export const dynamic = "force-dynamic";

async function load(slug: string, key: string) {
  const actor = await requireActor();
  try {
    const [card, board] = await Promise.all([getCard(actor, slug, decodeURIComponent(key)), getBoard(actor, slug)]);
    return { actor, card, board };
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string; key: string }> }): Promise<Metadata> {
  const { slug, key } = await params;
  const { card } = await load(slug, key);
  return { title: `${card.key} ${card.title}` };
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] items-start gap-3 py-1.5">
      <dt className="text-[13px] text-muted">{label}</dt>
      <dd className="min-w-0 overflow-hidden text-[13px] text-text">{children}</dd>
    </div>
  );
}

export default async function CardPage({ params }: { params: Promise<{ slug: string; key: string }> }) {
  const { slug, key } = await params;
  const { actor, card, board } = await load(slug, key);
  const t = translator(actor.language);
  const column = board.columns.find((c) => c.id === card.columnId);
  const none = <span className="text-muted">{t("board.card.none")}</span>;
  const date = (iso: string) => new Date(iso).toLocaleString(actor.language, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="mx-auto w-full max-w-4xl px-5 py-5">
      <nav className="mb-4 text-[13px]">
        <Link href={`/${board.project.slug}`} className="text-muted hover:text-text">
          ← {t("board.card.back")}
        </Link>
      </nav>
      <div className="grid gap-8 md:grid-cols-[1fr_17rem]">
        <article className="min-w-0">
          <p className="font-mono text-xs text-muted">{card.key}</p>
          <h1 className="mt-1 text-xl font-semibold tracking-tight text-text">{card.title}</h1>
          <section className="mt-6">
            <h2 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">{t("board.card.description")}</h2>
            {card.description ? (
              <div className="text-sm leading-relaxed whitespace-pre-wrap text-text">{card.description}</div>
            ) : (
              <p className="text-sm text-muted">{t("board.card.noDescription")}</p>
            )}
          </section>
          {card.links && card.links.length > 0 ? (
            <section className="mt-6">
              <h2 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">{t("board.card.links")}</h2>
              <ul className="flex flex-col gap-1 text-sm">
                {card.links.map((l) => (
                  <li key={l.id}>
                    <a href={l.url} className="text-accent hover:underline" rel="noreferrer noopener" target="_blank">
                      {l.title ?? l.ref}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </article>
        <aside className="h-fit rounded-xl border border-border bg-surface px-4 py-3 shadow-sm">
          <dl>
            <Row label={t("board.card.column")}>{column?.name ?? none}</Row>
            <Row label={t("board.card.priority")}>{t(`board.priority.${card.priority}` as "board.priority.low")}</Row>
            <Row label={t("board.card.type")}>{card.type}</Row>
            <Row label={t("board.card.dueDate")}>{card.dueDate ?? none}</Row>
            <Row label={t("board.card.assignees")}>
              {card.assignees.length ? (
                <ul className="flex flex-col gap-1">
                  {card.assignees.map((a) => (
                    <li key={a.id} className="flex min-w-0 items-center gap-1.5">
                      <Avatar username={a.username} size="xs" decorative />
                      <span className="truncate">{a.username}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                none
              )}
            </Row>
            <Row label={t("board.card.labels")}>
              {card.labels.length ? (
                <ul className="flex flex-wrap gap-1">
                  {card.labels.map((l) => (
                    <li
                      key={l.id}
                      className="inline-flex items-center gap-1 rounded-full border border-border px-1.5 py-px text-[11px] text-muted"
                    >
                      <span className="size-1.5 rounded-full" style={{ backgroundColor: l.color }} aria-hidden="true" />
                      {l.name}
                    </li>
                  ))}
                </ul>
              ) : (
                none
              )}
            </Row>
            <Row label={t("board.card.parent")}>
              {card.parentKey ? (
                <Link className="font-mono text-accent hover:underline" href={`/${board.project.slug}/cards/${card.parentKey}`}>
                  {card.parentKey}
                </Link>
              ) : (
                none
              )}
            </Row>
            <Row label={t("board.card.estimate")}>
              {card.estimateHours ? t("board.card.hours", { hours: card.estimateHours }) : none}
            </Row>
            <Row label={t("board.card.storyPoints")}>{card.storyPoints || none}</Row>
            <Row label={t("board.card.created")}>{date(card.createdAt)}</Row>
            <Row label={t("board.card.updated")}>{date(card.updatedAt)}</Row>
          </dl>
        </aside>
      </div>
    </div>
  );
}
