import { changeMemberRole, removeMember } from "@/lib/boards/members.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string; username: string };

/** The username from the path, decoded once; a malformed escape stays as it is (and matches nobody). */
function username(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const PATCH = apiRoute<Params>(async ({ req, params, actor }) =>
  changeMemberRole(actor, params.slug, username(params.username), await readJson(req)),
);

export const DELETE = apiRoute<Params>(async ({ params, actor }) => {
  await removeMember(actor, params.slug, username(params.username));
  return new Response(null, { status: 204 });
});

const notAllowed = methodNotAllowed("PATCH, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
