// Runs before routing, for two things only (the matcher below keeps it off everything else, and off
// request bodies: Next copies a body for the proxy, so it must not see uploads):
// - HTML pages get a Content-Security-Policy with a fresh nonce (lib/http/csp.ts). The nonce reaches
//   Next in the request's own CSP header, and Next puts it on every script it renders.
// - An /api path whose %-escapes do not decode (`/api/v1/projects/%ZZ/board`, or escapes of invalid
//   UTF-8) answers a JSON 400; Next's own parameter decoding would answer a plain-text 500.
import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "./lib/config.ts";
import { contentSecurityPolicy, newNonce } from "./lib/http/csp.ts";
import { realtimeUrl } from "./lib/http/realtime-url.ts";

function hasMalformedEscape(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  if (pathname.startsWith("/api/")) {
    if (hasMalformedEscape(pathname)) {
      return Response.json({ error: { code: "validation", message: "The path has a malformed %-escape." } }, { status: 400 });
    }
    return NextResponse.next();
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    realtimeUrl: realtimeUrl(req, getConfig()),
    isDev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = {
  matcher: [
    // Pages: everything but the API, Next's static files and public files with an extension.
    // Server actions (`next-action`), client navigations (`rsc`) and prefetches answer no HTML.
    {
      source: "/((?!api/|_next/static|_next/image|favicon\\.svg|.*\\.[\\w]+$).*)",
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "rsc" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // API paths with a %-escape (no upload route has one: their slugs, keys and ids are plain).
    "/api/(.*%.*)",
  ],
};
