import { linkOrigin } from "@/lib/auth/password-reset.ts";
import { createFeed, listFeeds } from "@/lib/calendar/feeds.ts";
import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";

export const GET = apiRoute(async ({ actor }) => ({ feeds: await listFeeds(actor) }), { scope: "account" });

/** Creates a feed (or gives an existing one a new secret URL, retiring the old). The URL is shown once. */
export const POST = apiRoute(async ({ req, actor }) => createFeed(actor, await readJson(req), linkOrigin(req.url)), {
  scope: "browser",
  status: 201,
});

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
