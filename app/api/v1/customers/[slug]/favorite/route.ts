import { setFavorite } from "@/lib/customers/customers.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

type Params = { slug: string };

export const PUT = apiRoute<Params>(async ({ params, actor }) => setFavorite(actor, params.slug, true), { scope: "account" });

export const DELETE = apiRoute<Params>(async ({ params, actor }) => setFavorite(actor, params.slug, false), { scope: "account" });

const notAllowed = methodNotAllowed("PUT, DELETE");

export { notAllowed as GET, notAllowed as POST, notAllowed as PATCH };
