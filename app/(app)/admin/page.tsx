import { notFound, redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current.ts";

export default async function AdminPage() {
  const actor = await requireActor();
  // Like the API: what a user may not see does not exist for them.
  if (!actor.isAdmin) notFound();
  redirect("/admin/users");
}
