import { SsoError, TRANSACTION_COOKIE, TRANSACTION_MAX_AGE_S } from "@/lib/sso/oidc.ts";
import { beginOidc } from "@/lib/sso/oidc-sign-in.ts";
import { serializeCookie } from "@/lib/sso/sign-in.ts";

/** Starts an OpenID Connect sign-in: to the provider, with the round trip's state in a sealed cookie. */
export async function GET(req: Request): Promise<Response> {
  try {
    const { url, cookie } = await beginOidc(req.url, new URL(req.url).searchParams.get("callbackUrl"));
    const headers = new Headers({ location: url.toString(), "cache-control": "no-store" });
    headers.append(
      "set-cookie",
      serializeCookie({ name: TRANSACTION_COOKIE, value: cookie, maxAge: TRANSACTION_MAX_AGE_S, path: "/api/auth/sso" }),
    );
    return new Response(null, { status: 302, headers });
  } catch (e) {
    if (!(e instanceof SsoError)) throw e;
    return new Response(null, { status: 302, headers: { location: `/sign-in?sso_error=${e.reason}` } });
  }
}
