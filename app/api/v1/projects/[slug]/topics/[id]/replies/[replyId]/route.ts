import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { deleteReply, updateReply } from "@/lib/topics/replies.ts";

type Params = { slug: string; id: string; replyId: string };

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateReply(actor, params.slug, params.id, params.replyId, await readJson(req)),
  { scope: "project" },
);

export const DELETE = apiRoute<Params>(async ({ params, actor }) => deleteReply(actor, params.slug, params.id, params.replyId), {
  scope: "project",
});

const notAllowed = methodNotAllowed("PATCH, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
