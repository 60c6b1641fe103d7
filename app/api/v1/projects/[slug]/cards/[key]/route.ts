import { getCardDetail } from "@/lib/boards/card-detail.ts";
import { deleteCard, getCard, updateCard } from "@/lib/boards/cards.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string; key: string };

/** `?detail=1`: everything the card view shows (checklist, children, references, deleted cards too). */
export const GET = apiRoute<Params>(
  async ({ req, params, actor }) =>
    new URL(req.url).searchParams.has("detail")
      ? getCardDetail(actor, params.slug, params.key)
      : getCard(actor, params.slug, params.key),
  { scope: "project" },
);

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateCard(actor, params.slug, params.key, await readJson(req)),
  { scope: "project" },
);

export const DELETE = apiRoute<Params>(async ({ params, actor }) => deleteCard(actor, params.slug, params.key), {
  scope: "project",
});

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");

export { notAllowed as POST, notAllowed as PUT };
