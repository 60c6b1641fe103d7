import { auditQueryFrom, listAudit } from "@/lib/audit/list.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

export const GET = apiRoute(async ({ req, actor }) => listAudit(actor, auditQueryFrom(new URL(req.url).searchParams)), {
  scope: "admin",
});

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
