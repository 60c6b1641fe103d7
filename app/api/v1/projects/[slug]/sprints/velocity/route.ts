import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { getVelocity } from "@/lib/scrum/reports.ts";

type Params = { slug: string };

/** `?count=7`: how many of the last completed sprints. */
export const GET = apiRoute<Params>(
  async ({ req, params, actor }) => {
    const count = new URL(req.url).searchParams.get("count");
    return getVelocity(actor, params.slug, count ? { count } : {});
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
