// The web server: Next's request handler behind a plain Node HTTP server, so that the app knows the
// real client address. For every request it removes the internal headers a client may have sent and
// sets the client address from the TCP connection (X-Forwarded-For only from TRUSTED_PROXIES; see
// lib/http/client-address.ts). Everything else is Next's.
//
// Run: `node --import tsx server/web.ts` (the launcher does this; WARMDESK_DEV=1 runs Next's dev server).
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import next from "next";
import { getConfig } from "../lib/config.ts";
import { compileTrust, markBehindWebServer, stampClientAddress } from "../lib/http/client-address.ts";

export async function startWeb(options: { dev?: boolean; port?: number; host?: string } = {}) {
  const config = getConfig();
  for (const warning of config.warnings) console.warn(`warmdesk: ${warning}`);
  const trust = compileTrust(config.trustedProxies);
  const port = options.port ?? config.port;
  const host = options.host ?? process.env.HOST;
  // The app's directory is the working directory (the launcher starts this there).
  const app = next({ dev: options.dev ?? false, port, hostname: host });
  const handle = app.getRequestHandler();
  await app.prepare();
  markBehindWebServer();
  const server = createServer((req, res) => {
    stampClientAddress(req, trust);
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  startWeb({ dev: process.env.WARMDESK_DEV === "1" }).then(
    (server) => {
      const stop = () => {
        server.close(() => process.exit(0));
        server.closeIdleConnections();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (e: Error) => {
      console.error(`web: could not start: ${e.message}`);
      process.exit(1);
    },
  );
}
