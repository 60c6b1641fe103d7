import type { Config } from "../config.ts";

/**
 * Where a client connects to the sidecar: REALTIME_PUBLIC_URL when set; otherwise the origin the
 * client used to reach us (the web server passes /socket.io/ on to the sidecar: one public port);
 * with REALTIME_PROXY=0, that host name on the realtime port.
 */
export function realtimeUrl(
  req: Request,
  config: Pick<Config, "realtimePublicUrl" | "realtimePort"> & Partial<Pick<Config, "realtimeProxy">>,
): string {
  if (config.realtimePublicUrl) return config.realtimePublicUrl;
  const url = new URL(req.url);
  const forwarded = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const protocol = forwarded === "https" || forwarded === "http" ? forwarded : url.protocol.replace(":", "");
  const host = req.headers.get("host") ?? url.host;
  // "[::1]:3000" keeps its brackets; "example.org:3000" is split into name and port.
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(host.trim());
  const valid = m && /^[\w.\-[\]:]+$/.test(m[1]);
  const hostname = valid ? m[1] : url.hostname;
  if (config.realtimeProxy === false) return `${protocol}://${hostname}:${config.realtimePort}`;
  const port = valid ? m[2] : url.port;
  return `${protocol}://${hostname}${port ? `:${port}` : ""}`;
}
