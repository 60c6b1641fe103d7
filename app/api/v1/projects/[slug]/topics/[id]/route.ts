import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { deleteTopic, getTopic, updateTopic } from "@/lib/topics/topics.ts";

type Params = { slug: string; id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => getTopic(actor, params.slug, params.id), { scope: "project" });

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateTopic(actor, params.slug, params.id, await readJson(req)),
  { scope: "project" },
);

export const DELETE = apiRoute<Params>(async ({ params, actor }) => deleteTopic(actor, params.slug, params.id), {
  scope: "project",
});

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");

export { notAllowed as POST, notAllowed as PUT };
