import { listConversations, startConversation } from "@/lib/conversations/conversations.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

export const GET = apiRoute(async ({ actor }) => listConversations(actor), { scope: "account" });

/** 201 with a new conversation, 200 with the existing DM of the pair. */
export const POST = apiRoute(
  async ({ req, actor }) => {
    const { conversation, created } = await startConversation(actor, await readJson(req));
    return Response.json(conversation, { status: created ? 201 : 200 });
  },
  { scope: "account" },
);

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
