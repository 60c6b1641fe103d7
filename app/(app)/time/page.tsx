import type { Metadata } from "next";
import { orNotFound } from "@/components/card/card-page-data.ts";
import { WeekView } from "@/components/time/week-view.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { translate } from "@/lib/i18n/index.ts";
import { bookingTargets } from "@/lib/time/targets.ts";
import { getWeek } from "@/lib/time/week.ts";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "time.title") };
}

type Query = { date?: string | string[]; user?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function TimePage({ searchParams }: { searchParams: Promise<Query> }) {
  const [actor, query] = await Promise.all([requireActor(), searchParams]);
  const [week, targets] = await Promise.all([
    orNotFound(getWeek(actor, { date: one(query.date), user: one(query.user) })),
    bookingTargets(actor),
  ]);
  return <WeekView initial={week} targets={targets} isAdmin={actor.isAdmin} me={actor.username} />;
}
