import { markConversationRead } from "@/lib/conversations/conversations.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { id: string };

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => markConversationRead(actor, params.id, await readJson(req)),
  { scope: "account" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
