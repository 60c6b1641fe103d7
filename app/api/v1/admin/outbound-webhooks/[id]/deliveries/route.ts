import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { listDeliveries } from "@/lib/webhooks/outbound.ts";

type Params = { id: string };

export const GET = apiRoute<Params>(
  async ({ params, actor }) => ({ deliveries: await listDeliveries(actor, params.id, { projectSlug: null }) }),
  { scope: "admin" },
);

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
