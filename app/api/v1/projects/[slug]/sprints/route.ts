import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { createSprint, listSprints } from "@/lib/scrum/sprints.ts";

type Params = { slug: string };

/** `?status=planned,active` filters by status. */
export const GET = apiRoute<Params>(
  async ({ req, params, actor }) => {
    const raw = new URL(req.url).searchParams.get("status");
    return listSprints(actor, params.slug, raw ? { status: raw.split(",").filter(Boolean) } : {});
  },
  { scope: "project" },
);

export const POST = apiRoute<Params>(async ({ req, params, actor }) => createSprint(actor, params.slug, await readJson(req)), {
  scope: "project",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
