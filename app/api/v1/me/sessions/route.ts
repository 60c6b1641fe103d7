import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { mySessions } from "@/lib/users/profile.ts";

export const GET = apiRoute(async ({ actor }) => ({ sessions: await mySessions(actor) }), { scope: "account" });

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
