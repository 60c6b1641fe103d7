import { chatReadState, markChatRead } from "@/lib/chat/chat.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => chatReadState(actor, params.slug), { scope: "project" });

export const POST = apiRoute<Params>(async ({ req, params, actor }) => markChatRead(actor, params.slug, await readJson(req)), {
  scope: "project",
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
