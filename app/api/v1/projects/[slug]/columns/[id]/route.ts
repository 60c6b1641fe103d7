import { deleteColumn, updateColumn } from "@/lib/boards/columns.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string; id: string };

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateColumn(actor, params.slug, params.id, await readJson(req)),
  { scope: "project" },
);

/** `?moveCardsTo=<columnId>` moves the column's cards there first; 409 without it when the column has cards. */
export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => {
    const raw = new URL(req.url).searchParams.get("moveCardsTo");
    const moveCardsTo = raw === null || raw === "" ? undefined : /^\d{1,10}$/.test(raw) ? Number(raw) : raw;
    await deleteColumn(actor, params.slug, params.id, { moveCardsTo });
    return new Response(null, { status: 204 });
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("PATCH, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
