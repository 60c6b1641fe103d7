import { jsonError } from "@/lib/http/handler.ts";
import { readLogo } from "@/lib/settings/logo.ts";
import { imageResponse } from "@/lib/uploads/images.ts";

// Public: the sign-in page shows the logo before anyone is signed in.
export async function GET(): Promise<Response> {
  const logo = await readLogo();
  if (!logo) return jsonError(404, "not_found", "No logo is set.");
  // Pages link to it with ?v=<name>, so a new logo is a new URL; a short max-age covers the bare URL.
  return imageResponse(logo, "public, max-age=300");
}
