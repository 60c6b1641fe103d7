import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { searchRequest } from "@/lib/search/search.ts";

export const GET = apiRoute(async ({ req, actor }) => searchRequest(actor, new URL(req.url).searchParams), { scope: "project" });

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
