import { deleteFeed } from "@/lib/calendar/feeds.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { id: string };

export const DELETE = apiRoute<Params>(
  async ({ params, actor }) => {
    await deleteFeed(actor, params.id);
    return new Response(null, { status: 204 });
  },
  { scope: "browser" },
);

const notAllowed = methodNotAllowed("DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
