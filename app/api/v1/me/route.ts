import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { getProfile, updateProfile } from "@/lib/users/profile.ts";

export const GET = apiRoute(async ({ actor }) => getProfile(actor), { scope: "account" });

export const PATCH = apiRoute(async ({ req, actor }) => updateProfile(actor, await readJson(req), requestMeta(req.headers)), {
  scope: "browser",
});

const notAllowed = methodNotAllowed("GET, PATCH");

export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE };
