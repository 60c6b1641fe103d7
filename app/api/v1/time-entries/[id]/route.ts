import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { deleteEntry, getEntry, updateEntry } from "@/lib/time/entries.ts";

type Params = { id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getEntry(actor, params.id), { scope: "project" });

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateEntry(actor, params.id, await readJson(req), requestMeta(req.headers)),
  { scope: "project" },
);

export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => {
    await deleteEntry(actor, params.id, requestMeta(req.headers));
    return new Response(null, { status: 204 });
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");

export { notAllowed as POST, notAllowed as PUT };
