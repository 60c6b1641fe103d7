import { listCardAttachments, uploadCardAttachments } from "@/lib/attachments/attachments.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { slug: string; key: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => listCardAttachments(actor, params.slug, params.key), {
  scope: "project",
});

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => uploadCardAttachments(actor, params.slug, params.key, req),
  { scope: "project", status: 201 },
);

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
