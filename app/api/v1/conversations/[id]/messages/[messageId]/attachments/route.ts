import { uploadConversationAttachments } from "@/lib/attachments/attachments.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { id: string; messageId: string };

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => uploadConversationAttachments(actor, params.id, params.messageId, req),
  { scope: "account", status: 201 },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
