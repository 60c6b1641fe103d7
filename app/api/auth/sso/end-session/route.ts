import { publicRoute } from "@/lib/http/handler.ts";
import { providerSignOutUrl } from "@/lib/sso/sign-out.ts";

/**
 * Where the browser goes after signing out of WarmDesk to end the provider's session too (OpenID
 * Connect RP-initiated logout), or null. Called before next-auth's sign-out, which ends WarmDesk's.
 */
export const GET = publicRoute(async ({ req }) => ({ url: await providerSignOutUrl(req) }));
