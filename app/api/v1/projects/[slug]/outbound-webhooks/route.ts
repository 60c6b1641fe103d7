import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { createOutboundWebhookAt, listOutboundWebhooks } from "@/lib/webhooks/outbound.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => ({ webhooks: await listOutboundWebhooks(actor, params.slug) }), {
  scope: "project",
});

/** The secret is in this answer only. */
export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => createOutboundWebhookAt(actor, { projectSlug: params.slug }, await readJson(req)),
  { scope: "project", status: 201 },
);

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
