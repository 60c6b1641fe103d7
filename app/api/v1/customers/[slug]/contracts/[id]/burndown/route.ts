import { contractBurndown } from "@/lib/customers/contracts.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

export const GET = apiRoute<{ slug: string; id: string }>(
  async ({ params, actor }) => contractBurndown(actor, params.slug, params.id),
  { scope: "account" },
);

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
