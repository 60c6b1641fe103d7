import { contractPeriods } from "@/lib/customers/contracts.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { slug: string; id: string };

export const GET = apiRoute<Params>(async ({ params, actor }) => contractPeriods(actor, params.slug, params.id), {
  scope: "account",
});

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
