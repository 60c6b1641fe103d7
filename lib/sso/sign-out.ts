// Signing out of a single sign-on: WarmDesk's session ends through next-auth as for everyone; when
// the session came from an OpenID provider that offers RP-initiated logout, the browser is sent on
// to end the provider's session too, with the ID token as the hint (as Grafana and GitLab do).
import { decode } from "next-auth/jwt";
import { nextAuthSecret, readCookie, SESSION_COOKIES } from "../auth/request.ts";
import { oidcEndSessionUrl } from "./oidc.ts";
import { publicOrigin } from "./oidc-sign-in.ts";
import { getSsoConfig, isOidcUsable } from "./settings.ts";

export async function providerSignOutUrl(req: Request): Promise<string | null> {
  const header = req.headers.get("cookie");
  for (const name of SESSION_COOKIES) {
    const jwt = readCookie(header, name);
    if (!jwt) continue;
    try {
      const payload = await decode({ token: jwt, secret: nextAuthSecret() });
      if (payload?.sso !== "oidc" || typeof payload.idt !== "string") return null;
      const { oidc } = await getSsoConfig();
      if (!isOidcUsable(oidc)) return null;
      return oidcEndSessionUrl(oidc, payload.idt, `${publicOrigin(req.url)}/sign-in`);
    } catch {
      return null;
    }
  }
  return null;
}
