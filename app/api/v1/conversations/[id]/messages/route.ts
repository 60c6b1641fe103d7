import { listConversationMessages, postConversationMessage } from "@/lib/conversations/conversations.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { id: string };
const query = (req: Request) => Object.fromEntries(new URL(req.url).searchParams);

export const GET = apiRoute<Params>(async ({ req, params, actor }) => listConversationMessages(actor, params.id, query(req)), {
  scope: "account",
});

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => postConversationMessage(actor, params.id, await readJson(req)),
  { scope: "account", status: 201 },
);

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
