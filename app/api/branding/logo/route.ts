import { jsonError } from "@/lib/http/handler.ts";
import { readLogo } from "@/lib/settings/logo.ts";

// Public: the sign-in page shows the logo before anyone is signed in.
export async function GET(): Promise<Response> {
  const logo = await readLogo();
  if (!logo) return jsonError(404, "not_found", "No logo is set.");
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "content-type": logo.mime,
      "content-length": String(logo.bytes.length),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      // Pages link to it with ?v=<name>, so a new logo is a new URL; a short max-age covers the bare URL.
      "cache-control": "public, max-age=300",
    },
  });
}
