import { moveChecklistItem } from "@/lib/boards/checklist.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string; key: string; id: string };

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => moveChecklistItem(actor, params.slug, params.key, params.id, await readJson(req)),
  { scope: "project" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
