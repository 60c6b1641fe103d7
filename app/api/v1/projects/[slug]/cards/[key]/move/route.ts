import { moveCard } from "@/lib/boards/cards.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

export const POST = apiRoute<{ slug: string; key: string }>(
  async ({ req, params, actor }) => moveCard(actor, params.slug, params.key, await readJson(req)),
  { scope: "project" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
