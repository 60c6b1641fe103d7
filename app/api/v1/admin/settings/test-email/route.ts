import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { sendTestEmail } from "@/lib/mail/test-email.ts";

export const POST = apiRoute(async ({ req, actor }) => sendTestEmail(actor, await readJson(req), requestMeta(req.headers)), {
  scope: "admin",
});

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
