import { leaveConversation } from "@/lib/conversations/conversations.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { id: string };

export const POST = apiRoute<Params>(async ({ params, actor }) => leaveConversation(actor, params.id), { scope: "account" });

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
