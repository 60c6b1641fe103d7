import { renderFeed } from "@/lib/calendar/feeds.ts";
import { jsonError, methodNotAllowed, publicRoute } from "@/lib/http/handler.ts";

type Params = { token: string };

/** A calendar feed by its secret URL (no session: calendar apps fetch it). Unknown: 404. */
export const GET = publicRoute<Params>(async ({ params }) => {
  const feed = await renderFeed(params.token);
  if (!feed) return jsonError(404, "not_found", "No such calendar feed");
  return new Response(feed.body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="warmdesk.ics"',
      "cache-control": "private, max-age=300",
      "referrer-policy": "no-referrer",
    },
  });
});

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
