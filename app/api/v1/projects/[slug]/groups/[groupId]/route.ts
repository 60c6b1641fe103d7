import { revokeGroup } from "@/lib/boards/members.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

export const DELETE = apiRoute<{ slug: string; groupId: string }>(
  async ({ params, actor }) => {
    await revokeGroup(actor, params.slug, params.groupId);
    return new Response(null, { status: 204 });
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
