import { requestMeta } from "@/lib/audit/audit.ts";
import { parseInput } from "@/lib/errors.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { ZIdText as ZId } from "@/lib/ids.ts";
import { revokeMySession } from "@/lib/users/profile.ts";

type Params = { id: string };

export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => {
    await revokeMySession(actor, parseInput(ZId, params.id), requestMeta(req.headers));
    return new Response(null, { status: 204 });
  },
  { scope: "browser" },
);

const notAllowed = methodNotAllowed("DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
