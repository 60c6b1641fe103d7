import { addComment, listComments } from "@/lib/boards/comments.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string; key: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => listComments(actor, params.slug, params.key), {
  scope: "project",
});

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => addComment(actor, params.slug, params.key, await readJson(req)),
  { scope: "project", status: 201 },
);

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
