import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { getDoneColumns, setDoneColumns } from "@/lib/scrum/planning.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getDoneColumns(actor, params.slug), { scope: "project" });

export const PUT = apiRoute<Params>(async ({ req, params, actor }) => setDoneColumns(actor, params.slug, await readJson(req)), {
  scope: "project",
});

const notAllowed = methodNotAllowed("GET, PUT");

export { notAllowed as POST, notAllowed as PATCH, notAllowed as DELETE };
