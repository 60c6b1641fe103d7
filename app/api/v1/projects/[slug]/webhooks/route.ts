import { requestMeta } from "@/lib/audit/audit.ts";
import { linkOrigin } from "@/lib/auth/password-reset.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { createWebhook, listWebhooks } from "@/lib/webhooks/webhooks.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(
  async ({ req, params, actor }) => ({
    webhooks: await listWebhooks(actor, params.slug, linkOrigin(req.url)),
  }),
  { scope: "project" },
);

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) =>
    createWebhook(actor, params.slug, await readJson(req), linkOrigin(req.url), requestMeta(req.headers)),
  { scope: "project", status: 201 },
);

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
