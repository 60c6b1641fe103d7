import { moveColumn } from "@/lib/boards/columns.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

export const POST = apiRoute<{ slug: string; id: string }>(
  async ({ req, params, actor }) => moveColumn(actor, params.slug, params.id, await readJson(req)),
  { scope: "project" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
