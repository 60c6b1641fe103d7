import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor.ts";
import { requireActor } from "@/lib/auth/current.ts";

/**
 * The actor of an admin page: a system administrator with the whole account's authority. Anyone
 * else, including an administrator's API key limited to one project, gets the 404 page (the same
 * rule as the domain's requireAdmin, which would otherwise throw inside the page: a 500).
 */
export async function requireAdminPage(): Promise<Actor> {
  const actor = await requireActor();
  if (!actor.isAdmin || actor.apiKeyProjectId !== null) notFound();
  return actor;
}
