import { addMember, listMembers } from "@/lib/boards/members.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => listMembers(actor, params.slug), { scope: "project" });

export const POST = apiRoute<Params>(async ({ req, params, actor }) => addMember(actor, params.slug, await readJson(req)), {
  scope: "project",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
