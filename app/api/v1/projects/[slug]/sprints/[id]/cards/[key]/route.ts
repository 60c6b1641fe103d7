import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { removeFromSprint } from "@/lib/scrum/planning.ts";

type Params = { slug: string; id: string; key: string };

/** Takes the card out of the sprint, to the top of the backlog; answers the card. */
export const DELETE = apiRoute<Params>(async ({ params, actor }) => removeFromSprint(actor, params.slug, params.id, params.key), {
  scope: "project",
});

const notAllowed = methodNotAllowed("DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
