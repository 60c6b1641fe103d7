// Cross-site request forgery: a state-changing request that a browser sends on the user's cookie
// from another site is refused. The browser says where a request comes from: `Sec-Fetch-Site`
// (every current browser) must be `same-origin` (or `none`: typed, bookmarked); without it, `Origin`
// must be this site (APP_URL, or the request's own Host). A request with neither header is not from a
// browser's page (a script), and requests with an API key carry no ambient credential at all. This
// is the rule of Go's net/http CrossOriginProtection, on top of the SameSite=Lax cookie.
import { getConfig } from "../config.ts";
import { AppError } from "../errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function requireSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site !== null) {
    if (site === "same-origin" || site === "none") return;
    throw crossSite();
  }
  const origin = req.headers.get("origin");
  if (origin === null) return;
  if (isThisSite(origin, req.headers.get("host"))) return;
  throw crossSite();
}

function isThisSite(origin: string, host: string | null): boolean {
  const appUrl = getConfig().appUrl;
  if (appUrl !== null && origin === appUrl) return true;
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false; // `null` (a sandboxed or privacy-sensitive context) or garbage
  }
}

const crossSite = () => new AppError("forbidden", "Cross-site request refused: send it from this site, or use an API key.");

/** A cookie-authenticated request with a body must say what the body is (JSON routes then check it is JSON). */
export function requireDeclaredBody(req: Request): void {
  if (SAFE_METHODS.has(req.method) || req.headers.get("content-type")) return;
  const length = req.headers.get("content-length");
  const hasBody = (length !== null && length !== "0") || req.headers.has("transfer-encoding");
  if (hasBody) throw new AppError("unsupported_media_type", "Send JSON (Content-Type: application/json).");
}
