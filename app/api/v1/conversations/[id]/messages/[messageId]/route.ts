import { deleteConversationMessage, updateConversationMessage } from "@/lib/conversations/conversations.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { id: string; messageId: string };

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateConversationMessage(actor, params.id, params.messageId, await readJson(req)),
  { scope: "account" },
);

export const DELETE = apiRoute<Params>(
  async ({ params, actor }) => deleteConversationMessage(actor, params.id, params.messageId),
  { scope: "account" },
);

const notAllowed = methodNotAllowed("PATCH, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
