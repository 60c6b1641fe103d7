import { requestMeta } from "@/lib/audit/audit.ts";
import { linkOrigin } from "@/lib/auth/password-reset.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { deleteWebhook, updateWebhook } from "@/lib/webhooks/webhooks.ts";

type Params = { slug: string; id: string };

export const PATCH = apiRoute<Params>(
  async ({ req, params, actor }) => updateWebhook(actor, params.slug, params.id, await readJson(req), linkOrigin(req.url)),
  { scope: "project" },
);

export const DELETE = apiRoute<Params>(
  async ({ req, params, actor }) => {
    await deleteWebhook(actor, params.slug, params.id, requestMeta(req.headers));
    return new Response(null, { status: 204 });
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("PATCH, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
