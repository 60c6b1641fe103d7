// The one way WarmDesk calls a URL someone configured (outbound webhooks): the host is resolved
// first and every address it resolves to must be public (no loopback, private, link-local, unique
// local, CGNAT, multicast or reserved range, IPv4 in IPv6 included) unless the administrator allows
// private targets (setting `webhooks_allow_private`); the connection then goes to exactly the
// address that was checked (a custom `lookup`), so a DNS answer that changes in between cannot
// redirect it (DNS rebinding). Redirects are not followed; a response is read for at most
// RESPONSE_LIMIT bytes and the whole exchange is bounded by TIMEOUT_MS.
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export const TIMEOUT_MS = 10_000;
export const RESPONSE_LIMIT = 64 * 1024;

export class TargetRefused extends Error {}

/** Is this address one an outbound call may reach without the administrator's allowance? */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === "unicast";
}

/** Checks a URL's form (http/https, no credentials) before anything is resolved. */
export function checkUrlForm(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TargetRefused("Not a URL.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new TargetRefused("Only http and https URLs.");
  if (url.username || url.password) throw new TargetRefused("No credentials in the URL; the signature authenticates us.");
  return url;
}

/** The address to connect to: resolved, every answer checked, the first one used. */
export async function resolveTarget(url: URL, allowPrivate: boolean): Promise<{ address: string; family: number }> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const answers = ipaddr.isValid(host)
    ? [{ address: host, family: host.includes(":") ? 6 : 4 }]
    : await lookup(host, { all: true });
  if (answers.length === 0) throw new TargetRefused(`${host} does not resolve.`);
  if (!allowPrivate) {
    const inner = answers.find((a) => !isPublicAddress(a.address));
    if (inner) throw new TargetRefused(`${host} resolves to ${inner.address}, a loopback, private or reserved address.`);
  }
  return answers[0];
}

export type PostResult = { status: number | null; body: string; error: string | null; durationMs: number };

/** POSTs `body` to `url` at the address already checked. Never throws: failures come back as `error`. */
export async function postTo(
  url: URL,
  target: { address: string; family: number },
  body: string,
  headers: Record<string, string>,
): Promise<PostResult> {
  const started = Date.now();
  const pinned: LookupFunction = (_host, options, cb) => {
    if ((options as { all?: boolean }).all)
      (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else cb(null, target.address, target.family);
  };
  return new Promise<PostResult>((resolve) => {
    const done = (r: Omit<PostResult, "durationMs">) => resolve({ ...r, durationMs: Date.now() - started });
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "POST",
        lookup: pinned,
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "WarmDesk-Webhooks/1",
          ...headers,
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          size += c.length;
          if (size <= RESPONSE_LIMIT) chunks.push(c);
          else res.destroy();
        });
        const finish = () =>
          done({ status: res.statusCode ?? null, body: Buffer.concat(chunks).toString("utf8").slice(0, 1024), error: null });
        res.on("end", finish);
        res.on("close", finish);
        res.on("error", finish);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", (e) => done({ status: null, body: "", error: e.message }));
    req.on("close", () => clearTimeout(timer));
    req.end(body);
  });
}
