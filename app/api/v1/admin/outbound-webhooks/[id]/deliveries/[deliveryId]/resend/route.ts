import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { resendDelivery } from "@/lib/webhooks/outbound.ts";

type Params = { id: string; deliveryId: string };

/** Queues the delivery again (same event id and body); the answer is the new delivery's id. */
export const POST = apiRoute<Params>(
  async ({ params, actor }) => resendDelivery(actor, params.id, params.deliveryId, { projectSlug: null }),
  { scope: "admin", status: 202 },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
