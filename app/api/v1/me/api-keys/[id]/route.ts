import { requestMeta } from "@/lib/audit/audit.ts";
import { revokeApiKey } from "@/lib/auth/api-keys.ts";
import { parseInput } from "@/lib/errors.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { ZIdText as ZId } from "@/lib/ids.ts";

type Params = { id: string };

/** Revokes the key (it answers 401 from now on); the row stays, shown as revoked. */
export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => revokeApiKey(actor, parseInput(ZId, params.id), requestMeta(req.headers)),
  { scope: "browser" },
);

const notAllowed = methodNotAllowed("DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
