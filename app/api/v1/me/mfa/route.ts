import { requestMeta } from "@/lib/audit/audit.ts";
import { disableMfa, mfaStatus } from "@/lib/auth/mfa.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

export const GET = apiRoute(async ({ actor }) => mfaStatus(actor), { scope: "account" });

export const DELETE = apiRoute(
  async ({ req, actor }) => {
    await disableMfa(actor, await readJson(req), requestMeta(req.headers));
    return mfaStatus(actor);
  },
  { scope: "browser" },
);

const notAllowed = methodNotAllowed("GET, DELETE");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
