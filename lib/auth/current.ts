// The signed-in actor for pages, layouts and server actions (Next-specific: reads request headers).
// Check access in every page and action, never only in a layout: actions bypass layouts.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "./actor.ts";
import { authenticate } from "./request.ts";

export async function currentActor(): Promise<Actor | null> {
  return authenticate(await headers(), { apiKeys: false });
}

/** The actor, or a redirect to the sign-in page (or to the password change when one is due). */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (actor.mustChangePassword) redirect("/change-password");
  return actor;
}
