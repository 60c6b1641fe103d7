import { changeMemberRole, removeMember } from "@/lib/boards/members.ts";
import { apiRoute, decodeSegment, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string; username: string };

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => changeMemberRole(actor, params.slug, decodeSegment(params.username), await readJson(req)),
  { scope: "project" },
);

export const DELETE = apiRoute<Params>(
  async ({ params, actor }) => {
    await removeMember(actor, params.slug, decodeSegment(params.username));
    return new Response(null, { status: 204 });
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("PATCH, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
