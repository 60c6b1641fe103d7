import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  devIndicators: false,
  typedRoutes: false,
  // Everything is self-hosted: no remote images are optimised or proxied.
  images: { remotePatterns: [], unoptimized: true },
  // Next copies a request body for proxy.ts (up to this size, the rest is cut off). The proxy sees
  // no uploads and no server actions (its matcher), only JSON to an /api path with a %-escape.
  experimental: { proxyClientMaxBodySize: 1_000_001 },
  // pdfkit reads its font metrics and our TTF fonts from node_modules at run time: loaded from
  // there rather than bundled.
  serverExternalPackages: ["pdfkit", "dejavu-fonts-ttf"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
