import { getProject } from "@/lib/boards/projects.ts";
import { apiRoute } from "@/lib/http/handler.ts";

export const GET = apiRoute<{ slug: string }>(async ({ params, actor }) => getProject(actor, params.slug));
