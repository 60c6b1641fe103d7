// Server only: what the card detail needs, loaded once per request for both ways of showing it
// (the full page `/<slug>/cards/KEY-42` and the dialog over the board). Cached per request, so
// generateMetadata and the page share one load.
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireActor } from "@/lib/auth/current.ts";
import { getCardDetail } from "@/lib/boards/card-detail.ts";
import { listComments } from "@/lib/boards/comments.ts";
import { getCardHistory } from "@/lib/boards/history.ts";
import { listLabels } from "@/lib/boards/labels.ts";
import { AppError } from "@/lib/errors.ts";
import type { CardDetailProps } from "./card-detail-view.tsx";

/** A "not found" (or not readable) anywhere in the load is the page's 404. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

/** The card `key` (as in the URL, still encoded) of project `slug`, as CardDetailView's props. */
export const loadCardPage = cache(async (slug: string, key: string): Promise<CardDetailProps> => {
  const actor = await requireActor();
  const cardKey = decodeURIComponent(key);
  const detail = await orNotFound(getCardDetail(actor, slug, cardKey));
  const deleted = detail.card.deletedAt !== null;
  const [comments, history, labels] = await orNotFound(
    Promise.all([
      deleted ? Promise.resolve([]) : listComments(actor, slug, cardKey),
      getCardHistory(actor, slug, cardKey),
      listLabels(actor, slug),
    ]),
  );
  return {
    initial: detail,
    initialComments: comments,
    initialHistory: history,
    initialLabels: labels,
    me: { id: actor.userId, username: actor.username },
  };
});
