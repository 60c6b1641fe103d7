import type { Config } from "../config.ts";

/**
 * Where a client connects to the sidecar: REALTIME_PUBLIC_URL when set, otherwise the host name
 * the client used to reach us (from the Host header) with the realtime port.
 */
export function realtimeUrl(req: Request, config: Pick<Config, "realtimePublicUrl" | "realtimePort">): string {
  if (config.realtimePublicUrl) return config.realtimePublicUrl;
  const url = new URL(req.url);
  const forwarded = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const protocol = forwarded === "https" || forwarded === "http" ? forwarded : url.protocol.replace(":", "");
  const host = req.headers.get("host") ?? url.host;
  // "[::1]:3000" keeps its brackets; "example.org:3000" loses the port.
  const m = /^(\[[^\]]+\]|[^:]+)/.exec(host.trim());
  const hostname = m && /^[\w.\-[\]:]+$/.test(m[1]) ? m[1] : url.hostname;
  return `${protocol}://${hostname}:${config.realtimePort}`;
}
