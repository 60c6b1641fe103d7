import { addReference, listReferences, removeReference } from "@/lib/boards/references.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string; key: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => listReferences(actor, params.slug, params.key), {
  scope: "project",
});

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => addReference(actor, params.slug, params.key, await readJson(req)),
  { scope: "project", status: 201 },
);

/** The reference to remove as a JSON body `{ type, key }`, or as `?type=…&key=…`. */
export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => {
    const q = new URL(req.url).searchParams;
    const input = q.has("type") || q.has("key") ? { type: q.get("type"), key: q.get("key") } : await readJson(req);
    return removeReference(actor, params.slug, params.key, input);
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("GET, POST, DELETE");

export { notAllowed as PUT, notAllowed as PATCH };
