import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { getWeek } from "@/lib/time/week.ts";

export const GET = apiRoute(
  async ({ req, actor }) => {
    const q = new URL(req.url).searchParams;
    return getWeek(actor, { date: q.get("date") ?? undefined, user: q.get("user") ?? undefined });
  },
  { scope: "account" },
);

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
