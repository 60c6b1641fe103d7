import { redirect } from "next/navigation";
import { requireAdminPage } from "@/app/(app)/admin/require-admin.ts";

export default async function AdminPage() {
  // Like the API: what a user may not see does not exist for them.
  await requireAdminPage();
  redirect("/admin/users");
}
