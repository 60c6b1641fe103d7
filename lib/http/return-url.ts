// Where to send someone back to after signing in (`?callbackUrl=`), kept on this site. The value is
// resolved against the site's origin exactly as a browser would resolve it (the WHATWG URL parser
// drops tabs and newlines and treats `\` as `/`), and only a result on that same origin is kept,
// as a path; anything else is "/". Checking the raw text instead let `/%09/evil.example/x` through
// (a browser reads it as `//evil.example/x`) and let a newline reach the Location header.

/** Stands for this site's origin when none is given: only relative references can resolve onto it. */
const SELF = "https://warmdesk.invalid";

export function safeReturnPath(value: unknown, origin: string = SELF): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw === "" || raw.length > 2000) return "/";
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as another host.
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}
