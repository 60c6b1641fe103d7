import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { deleteOutboundWebhook, updateOutboundWebhook } from "@/lib/webhooks/outbound.ts";

type Params = { id: string };

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateOutboundWebhook(actor, params.id, await readJson(req), { projectSlug: null }),
  { scope: "admin" },
);

export const DELETE = apiRoute<Params>(
  async ({ params, actor }) => {
    await deleteOutboundWebhook(actor, params.id, { projectSlug: null });
    return new Response(null, { status: 204 });
  },
  { scope: "admin" },
);

const notAllowed = methodNotAllowed("PATCH, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
