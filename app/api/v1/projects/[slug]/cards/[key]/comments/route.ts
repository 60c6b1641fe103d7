import { addComment } from "@/lib/boards/cards.ts";
import { apiRoute, readJson } from "@/lib/http/handler.ts";

export const POST = apiRoute<{ slug: string; key: string }>(
  async ({ req, params, actor }) => addComment(actor, params.slug, params.key, await readJson(req)),
  { status: 201 },
);
