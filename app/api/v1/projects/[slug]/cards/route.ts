import { createCard } from "@/lib/boards/cards.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

export const POST = apiRoute<{ slug: string }>(
  async ({ req, params, actor }) => createCard(actor, params.slug, (await readJson(req)) as never),
  { scope: "project", status: 201 },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
