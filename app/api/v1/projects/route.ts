import { createProject, listProjects, type TCreateProject } from "@/lib/boards/projects.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

export const GET = apiRoute(
  async ({ req, actor }) => listProjects(actor, { includeArchived: new URL(req.url).searchParams.get("archived") === "1" }),
  { scope: "project" },
);

export const POST = apiRoute(async ({ req, actor }) => createProject(actor, (await readJson(req)) as TCreateProject), {
  scope: "account",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
