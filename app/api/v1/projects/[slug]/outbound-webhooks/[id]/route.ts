import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { deleteOutboundWebhook, updateOutboundWebhook } from "@/lib/webhooks/outbound.ts";

type Params = { slug: string } & { id: string };

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateOutboundWebhook(actor, params.id, await readJson(req), { projectSlug: params.slug }),
  { scope: "project" },
);

export const DELETE = apiRoute<Params>(
  async ({ params, actor }) => {
    await deleteOutboundWebhook(actor, params.id, { projectSlug: params.slug });
    return new Response(null, { status: 204 });
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("PATCH, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
