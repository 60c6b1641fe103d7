import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { addReply, listReplies } from "@/lib/topics/replies.ts";

type Params = { slug: string; id: string };

export const GET = apiRoute<Params>(
  async ({ req, params, actor }) => listReplies(actor, params.slug, params.id, Object.fromEntries(new URL(req.url).searchParams)),
  { scope: "project" },
);

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => addReply(actor, params.slug, params.id, await readJson(req)),
  { scope: "project", status: 201 },
);

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
