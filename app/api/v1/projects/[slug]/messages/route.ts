import { listChatMessages, postChatMessage } from "@/lib/chat/chat.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string };
const query = (req: Request) => Object.fromEntries(new URL(req.url).searchParams);

export const GET = apiRoute<Params>(async ({ req, params, actor }) => listChatMessages(actor, params.slug, query(req)), {
  scope: "project",
});

export const POST = apiRoute<Params>(async ({ req, params, actor }) => postChatMessage(actor, params.slug, await readJson(req)), {
  scope: "project",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
