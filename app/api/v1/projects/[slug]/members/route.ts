import { addMember, listMembers } from "@/lib/boards/projects.ts";
import { apiRoute, readJson } from "@/lib/http/handler.ts";

type Params = { slug: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => listMembers(actor, params.slug));

export const POST = apiRoute<Params>(
  async ({ req, params, actor }) => addMember(actor, params.slug, (await readJson(req)) as never),
  {
    status: 201,
  },
);
