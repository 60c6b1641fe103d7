import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { startSprint } from "@/lib/scrum/sprints.ts";

type Params = { slug: string; id: string };

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => startSprint(actor, params.slug, params.id, await readJson(req)),
  { scope: "project" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
