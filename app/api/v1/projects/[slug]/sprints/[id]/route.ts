import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { deleteSprint, getSprint, updateSprint } from "@/lib/scrum/sprints.ts";

type Params = { slug: string; id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getSprint(actor, params.slug, params.id), { scope: "project" });

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateSprint(actor, params.slug, params.id, await readJson(req)),
  { scope: "project" },
);

/** Planned sprints only; their cards go back to the backlog. */
export const DELETE = apiRoute<Params>(
  async ({ params, actor }) => {
    await deleteSprint(actor, params.slug, params.id);
    return new Response(null, { status: 204 });
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");

export { notAllowed as POST, notAllowed as PUT };
