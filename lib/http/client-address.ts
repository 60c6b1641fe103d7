// The client's address comes from the TCP connection. X-Forwarded-For is believed only as far as it
// was written by trusted proxies (TRUSTED_PROXIES): proxy-addr walks from the connection's address
// leftwards through the header and stops at the first address that is not a trusted proxy, so a
// client cannot choose its address by sending the header itself.
//
// Next's route handlers never see the socket (and `next start` passes a client's X-Forwarded-For
// through untouched), so the web server (server/web.ts) works the address out for every request
// and hands it on in an internal header, after removing any internal header the client sent.
// Sign-in throttling, sign-up and reset limits, the audit log and sessions all read it here.
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import type { Config } from "../config.ts";

/** Internal request headers set by server/web.ts; a client's own are removed before Next sees them. */
export const INTERNAL_HEADER_PREFIX = "x-warmdesk-";
export const CLIENT_ADDRESS_HEADER = `${INTERNAL_HEADER_PREFIX}client-address`;

// Set in the process that runs server/web.ts: only then is the header known to be the server's own
// (without it, e.g. `next start` run by hand, a client could send it).
const BEHIND_WEB_SERVER = Symbol.for("warmdesk.behindWebServer");

type Trust = (address: string, hop: number) => boolean;

export function compileTrust(proxies: Config["trustedProxies"]): Trust {
  const trusted = proxyaddr.compile(proxies.addresses);
  const maxHops = proxies.maxHops;
  return maxHops === null ? trusted : (address, hop) => hop < maxHops && trusted(address, hop);
}

/** `::ffff:192.0.2.1` (an IPv4 client of a dual-stack socket) as `192.0.2.1`. */
const plain = (address: string) => address.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, "$1");

/** For server/web.ts, for every request before Next sees it. */
export function stampClientAddress(req: IncomingMessage, trust: Trust): void {
  for (const name of Object.keys(req.headers)) {
    if (name.startsWith(INTERNAL_HEADER_PREFIX)) delete req.headers[name];
  }
  if (!req.socket.remoteAddress) return;
  req.headers[CLIENT_ADDRESS_HEADER] = plain(proxyaddr(req, trust));
}

/** For server/web.ts (and tests that stand in for it): the internal headers of this process are its own. */
export function markBehindWebServer(): void {
  (globalThis as Record<symbol, unknown>)[BEHIND_WEB_SERVER] = true;
}

/** The client's address as server/web.ts found it, or null without it (then nothing is believed). */
export function clientAddress(header: (name: string) => string | null): string | null {
  if (!(globalThis as Record<symbol, unknown>)[BEHIND_WEB_SERVER]) return null;
  const address = header(CLIENT_ADDRESS_HEADER)?.trim();
  return address ? address.slice(0, 191) : null;
}
