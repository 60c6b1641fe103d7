import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { createTopic, listTopics } from "@/lib/topics/topics.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(
  async ({ req, params, actor }) => listTopics(actor, params.slug, Object.fromEntries(new URL(req.url).searchParams)),
  { scope: "project" },
);

export const POST = apiRoute<Params>(async ({ req, params, actor }) => createTopic(actor, params.slug, await readJson(req)), {
  scope: "project",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
