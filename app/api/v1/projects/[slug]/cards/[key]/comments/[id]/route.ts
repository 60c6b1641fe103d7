import { deleteComment, updateComment } from "@/lib/boards/comments.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string; key: string; id: string };

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateComment(actor, params.slug, params.key, params.id, await readJson(req)),
  { scope: "project" },
);

export const DELETE = apiRoute<Params>(async ({ params, actor }) => deleteComment(actor, params.slug, params.key, params.id), {
  scope: "project",
});

const notAllowed = methodNotAllowed("PATCH, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
