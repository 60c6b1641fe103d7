import { requestMeta } from "@/lib/audit/audit.ts";
import { deleteRate } from "@/lib/billing/rates.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { id: string };

export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => {
    await deleteRate(actor, params.id, requestMeta(req.headers));
    return new Response(null, { status: 204 });
  },
  { scope: "account" },
);

const notAllowed = methodNotAllowed("DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
