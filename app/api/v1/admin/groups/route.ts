import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { createGroup, listGroups } from "@/lib/users/groups.ts";

export const GET = apiRoute(async ({ actor }) => listGroups(actor), { scope: "admin" });

export const POST = apiRoute(async ({ req, actor }) => createGroup(actor, await readJson(req), requestMeta(req.headers)), {
  scope: "admin",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
