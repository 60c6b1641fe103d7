import { beginMfaSetup } from "@/lib/auth/mfa.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";

export const POST = apiRoute(async ({ actor }) => beginMfaSetup(actor), { scope: "browser" });

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
