import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { addToSprint } from "@/lib/scrum/planning.ts";

type Params = { slug: string; id: string };

/** `{ key, afterKey?, beforeKey? }` answers the card; `{ keys }` answers the cards. */
export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => addToSprint(actor, params.slug, params.id, await readJson(req)),
  { scope: "project" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
