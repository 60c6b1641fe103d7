import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { getBacklog, placeInBacklog } from "@/lib/scrum/planning.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getBacklog(actor, params.slug), { scope: "project" });

/** `{ key, afterKey?, beforeKey? }`: reorders the card in the backlog, or takes it out of its sprint. */
export const POST = apiRoute<Params>(async ({ req, params, actor }) => placeInBacklog(actor, params.slug, await readJson(req)), {
  scope: "project",
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
