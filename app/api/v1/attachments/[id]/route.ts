import { deleteAttachment, serveAttachment } from "@/lib/attachments/attachments.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { id: string };

export const GET = apiRoute<Params>(
  async ({ req, params, actor }) => {
    const thumb = new URL(req.url).searchParams.get("thumb");
    return serveAttachment(actor, params.id, thumb === "1" || thumb === "true");
  },
  { scope: "project" },
);

export const DELETE = apiRoute<Params>(async ({ params, actor }) => deleteAttachment(actor, params.id), { scope: "project" });

const notAllowed = methodNotAllowed("GET, DELETE");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
