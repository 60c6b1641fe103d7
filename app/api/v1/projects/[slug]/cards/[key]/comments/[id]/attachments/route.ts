import { uploadCommentAttachments } from "@/lib/attachments/attachments.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { slug: string; key: string; id: string };

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => uploadCommentAttachments(actor, params.slug, params.key, params.id, req),
  { scope: "project", status: 201 },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
