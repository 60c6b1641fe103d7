import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { setCellTotal } from "@/lib/time/week.ts";

export const PUT = apiRoute(async ({ req, actor }) => setCellTotal(actor, await readJson(req)), { scope: "account" });

const notAllowed = methodNotAllowed("PUT");

export { notAllowed as GET, notAllowed as POST, notAllowed as PATCH, notAllowed as DELETE };
