import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { getBurndown } from "@/lib/scrum/reports.ts";

type Params = { slug: string; id: string };

/** `{id}` may be `active`; `?timeZone=Europe/Berlin` makes the days that zone's days (default UTC). */
export const GET = apiRoute<Params>(
  async ({ req, params, actor }) => {
    const timeZone = new URL(req.url).searchParams.get("timeZone");
    return getBurndown(actor, params.slug, params.id, timeZone ? { timeZone } : {});
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
