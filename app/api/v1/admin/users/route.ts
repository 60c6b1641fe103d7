import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { adminCreateUser, listUsers } from "@/lib/users/admin.ts";

export const GET = apiRoute(
  async ({ req, actor }) => {
    const query = Object.fromEntries([...new URL(req.url).searchParams].filter(([, v]) => v !== ""));
    return listUsers(actor, query);
  },
  { scope: "admin" },
);

export const POST = apiRoute(async ({ req, actor }) => adminCreateUser(actor, await readJson(req), requestMeta(req.headers)), {
  scope: "admin",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
