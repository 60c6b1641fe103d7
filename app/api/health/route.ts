import { currentEngine, pingDatabase } from "@/lib/db/client.ts";
import { jsonError } from "@/lib/http/handler.ts";
import { VERSION } from "@/lib/version.ts";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    await pingDatabase();
    return Response.json({ status: "ok", database: currentEngine(), version: VERSION });
  } catch {
    return jsonError(503, "unavailable", "The database is not reachable.");
  }
}
