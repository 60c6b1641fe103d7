import { methodNotAllowed, publicRoute } from "@/lib/http/handler.ts";
import { receiveDelivery } from "@/lib/webhooks/receive.ts";

// The git host's delivery: authenticated by its signature (lib/webhooks/verify.ts), not a session.
export const POST = publicRoute<{ id: string }>(async ({ req, params }) => receiveDelivery(params.id, req), { status: 202 });

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
