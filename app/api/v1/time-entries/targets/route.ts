import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { bookingTargets } from "@/lib/time/targets.ts";

export const GET = apiRoute(async ({ actor }) => bookingTargets(actor), { scope: "account" });

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
