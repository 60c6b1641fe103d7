import { createCard } from "@/lib/boards/cards.ts";
import { apiRoute, readJson } from "@/lib/http/handler.ts";

export const POST = apiRoute<{ slug: string }>(
  async ({ req, params, actor }) => createCard(actor, params.slug, (await readJson(req)) as never),
  { status: 201 },
);
