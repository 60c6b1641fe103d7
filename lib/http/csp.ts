// The Content-Security-Policy of every HTML page. Scripts run only with this response's nonce
// (Next puts it on its own scripts when it finds it in the request's CSP header), and what those
// load ('strict-dynamic'); no inline script, no eval outside development. Styles allow inline
// style attributes and elements ('unsafe-inline'), which Radix and recharts set at run time:
// CSS cannot run code, and the nonce keeps scripts closed. Connections go to this origin and the
// realtime sidecar's.
import { randomBytes } from "node:crypto";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** The realtime sidecar's origin for http(s) and the matching ws(s) one. */
function realtimeOrigins(realtimeUrl: string): string[] {
  try {
    const url = new URL(realtimeUrl);
    const ws = url.protocol === "https:" ? "wss:" : "ws:";
    return [url.origin, `${ws}//${url.host}`];
  } catch {
    return [];
  }
}

export function contentSecurityPolicy(nonce: string, options: { realtimeUrl: string; isDev: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.isDev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...realtimeOrigins(options.realtimeUrl)],
    // The service worker (/sw.js): without this, worker-src falls back to script-src, where
    // 'strict-dynamic' makes browsers ignore 'self'.
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
