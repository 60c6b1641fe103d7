import { getBoard } from "@/lib/boards/board.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

export const GET = apiRoute<{ slug: string }>(async ({ params, actor }) => getBoard(actor, params.slug), { scope: "project" });

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
