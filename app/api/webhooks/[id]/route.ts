import { AppError } from "@/lib/errors.ts";
import { methodNotAllowed, publicRoute } from "@/lib/http/handler.ts";
import { MAX_DELIVERY_BYTES, receiveDelivery } from "@/lib/webhooks/receive.ts";

// The git host's delivery: authenticated by its signature (lib/webhooks/verify.ts), not a session.
export const POST = publicRoute<{ id: string }>(
  async ({ req, params }) => {
    if (Number(req.headers.get("content-length") ?? 0) > MAX_DELIVERY_BYTES) {
      throw new AppError("payload_too_large", `A delivery may be at most ${MAX_DELIVERY_BYTES} bytes.`);
    }
    const raw = Buffer.from(await req.arrayBuffer());
    if (raw.length > MAX_DELIVERY_BYTES)
      throw new AppError("payload_too_large", `A delivery may be at most ${MAX_DELIVERY_BYTES} bytes.`);
    return receiveDelivery(params.id, raw, req.headers);
  },
  { status: 202 },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
