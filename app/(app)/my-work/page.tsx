import type { Metadata } from "next";
import { MyWorkView } from "@/components/work/my-work-view.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { translate } from "@/lib/i18n/index.ts";
import { myWork, workRooms } from "@/lib/work/my-work.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "work.title") };
}

export default async function MyWorkPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [actor, query] = await Promise.all([requireActor(), searchParams]);
  const groupBy = query.groupBy === "project" ? "project" : "due";
  const work = await myWork(actor, { groupBy });
  return <MyWorkView work={work} rooms={await workRooms(actor, work)} />;
}
