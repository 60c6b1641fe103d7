import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { createOutboundWebhookAt, listOutboundWebhooks } from "@/lib/webhooks/outbound.ts";

type Params = Record<string, never>;

export const GET = apiRoute<Params>(async ({ actor }) => ({ webhooks: await listOutboundWebhooks(actor) }), { scope: "admin" });

/** The secret is in this answer only. */
export const POST = apiRoute<Params>(
  async ({ req, actor }) => createOutboundWebhookAt(actor, { projectSlug: null }, await readJson(req)),
  { scope: "admin", status: 201 },
);

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
