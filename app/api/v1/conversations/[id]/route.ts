import { getConversation } from "@/lib/conversations/conversations.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getConversation(actor, params.id), { scope: "account" });

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
