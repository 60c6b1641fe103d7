// The installable web app (issue 21): name, icons, colours. Served as /manifest.webmanifest.
import type { MetadataRoute } from "next";
import { getInstanceName } from "@/lib/settings/instance-name.ts";

// The instance's name comes from its database: read per request, never at build time.
export const dynamic = "force-dynamic";

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const name = await getInstanceName();
  return {
    name,
    short_name: name.length > 12 ? "WarmDesk" : name,
    description: "Boards, chat, topics and time tracking for teams that work for customers.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f7f6f4",
    theme_color: "#c2481d",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/favicon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
