import { requestMeta } from "@/lib/audit/audit.ts";
import { readCookie } from "@/lib/auth/request.ts";
import { TRANSACTION_COOKIE } from "@/lib/sso/oidc.ts";
import { completeOidc } from "@/lib/sso/oidc-sign-in.ts";
import { serializeCookie } from "@/lib/sso/sign-in.ts";

/** The provider's redirect back: a session (or the second-factor step), or the sign-in page with a reason. */
export async function GET(req: Request): Promise<Response> {
  const outcome = await completeOidc(
    new URL(req.url),
    readCookie(req.headers.get("cookie"), TRANSACTION_COOKIE),
    requestMeta(req.headers),
  );
  const headers = new Headers({ "cache-control": "no-store" });
  // The round trip's state is spent whatever happened: the same answer cannot be replayed.
  headers.append("set-cookie", serializeCookie({ name: TRANSACTION_COOKIE, value: "", maxAge: 0, path: "/api/auth/sso" }));
  if (outcome.kind === "failed") {
    headers.set("location", `/sign-in?sso_error=${outcome.reason}`);
  } else {
    headers.append("set-cookie", serializeCookie(outcome.cookie));
    headers.set(
      "location",
      outcome.kind === "mfa" ? `/sign-in?sso=mfa&callbackUrl=${encodeURIComponent(outcome.callbackUrl)}` : outcome.callbackUrl,
    );
  }
  return new Response(null, { status: 302, headers });
}
