import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { changePassword } from "@/lib/users/password.ts";

export const POST = apiRoute(
  async ({ req, actor }) => {
    await changePassword(actor, await readJson(req), requestMeta(req.headers));
    return { ok: true };
  },
  { scope: "browser" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
