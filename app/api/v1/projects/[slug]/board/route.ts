import { getBoard } from "@/lib/boards/board.ts";
import { apiRoute } from "@/lib/http/handler.ts";

export const GET = apiRoute<{ slug: string }>(async ({ params, actor }) => getBoard(actor, params.slug));
