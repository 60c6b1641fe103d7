import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { stopTimer } from "@/lib/time/timer.ts";

export const POST = apiRoute(async ({ req, actor }) => stopTimer(actor, await readJson(req)), { scope: "account", status: 201 });

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
