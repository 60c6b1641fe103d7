import { archiveColumnCards } from "@/lib/boards/columns.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

export const POST = apiRoute<{ slug: string; id: string }>(
  async ({ params, actor }) => archiveColumnCards(actor, params.slug, params.id),
  { scope: "project" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
