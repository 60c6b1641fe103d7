import { setProjectArchived } from "@/lib/boards/projects.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

export const POST = apiRoute<{ slug: string }>(async ({ params, actor }) => setProjectArchived(actor, params.slug, false), {
  scope: "project",
});

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
