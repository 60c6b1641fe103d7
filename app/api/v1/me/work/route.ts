import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { myWork } from "@/lib/work/my-work.ts";

export const GET = apiRoute(async ({ req, actor }) => myWork(actor, Object.fromEntries(new URL(req.url).searchParams)), {
  scope: "account",
});

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
