import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { discardTimer, getTimer, updateTimer } from "@/lib/time/timer.ts";

export const GET = apiRoute(async ({ actor }) => getTimer(actor), { scope: "account" });

export const PATCH = apiRoute(async ({ req, actor }) => updateTimer(actor, await readJson(req)), { scope: "account" });

export const DELETE = apiRoute(
  async ({ actor }) => {
    await discardTimer(actor);
    return new Response(null, { status: 204 });
  },
  { scope: "account" },
);

const notAllowed = methodNotAllowed("GET, PATCH, DELETE");

export { notAllowed as POST, notAllowed as PUT };
