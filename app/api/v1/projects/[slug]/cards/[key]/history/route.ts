import { getCardHistory } from "@/lib/boards/history.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { slug: string; key: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getCardHistory(actor, params.slug, params.key), {
  scope: "project",
});

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
