import { deleteLabel, updateLabel } from "@/lib/boards/labels.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string; id: string };

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateLabel(actor, params.slug, params.id, await readJson(req)),
  { scope: "project" },
);

export const DELETE = apiRoute<Params>(async ({ params, actor }) => deleteLabel(actor, params.slug, params.id), {
  scope: "project",
});

const notAllowed = methodNotAllowed("PATCH, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
