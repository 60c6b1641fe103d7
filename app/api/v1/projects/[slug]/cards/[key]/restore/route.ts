import { restoreCard } from "@/lib/boards/card-detail.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { slug: string; key: string };

export const POST = apiRoute<Params>(async ({ params, actor }) => restoreCard(actor, params.slug, params.key), {
  scope: "project",
});

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
