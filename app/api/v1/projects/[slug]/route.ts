import { getProject, updateProject } from "@/lib/boards/projects.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getProject(actor, params.slug), { scope: "project" });

export const PATCH = apiRoute<Params>(async ({ req, params, actor }) => updateProject(actor, params.slug, await readJson(req)), {
  scope: "project",
});

const notAllowed = methodNotAllowed("GET, PATCH");

export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE };
