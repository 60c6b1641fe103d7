import type { Metadata } from "next";
import { orNotFound } from "@/components/card/card-page-data.ts";
import { CustomerDetail } from "@/components/customers/customer-detail.tsx";
import { requireActor } from "@/lib/auth/current.ts";
import { getCustomer } from "@/lib/customers/customers.ts";
import { getCustomerOverview } from "@/lib/customers/overview.ts";
import { bookingTargets } from "@/lib/time/targets.ts";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [actor, { slug }] = await Promise.all([requireActor(), params]);
  const customer = await orNotFound(getCustomer(actor, decodeURIComponent(slug)));
  return { title: customer.name };
}

export default async function CustomerPage({ params }: Params) {
  const [actor, { slug }] = await Promise.all([requireActor(), params]);
  const [data, targets] = await Promise.all([
    orNotFound(getCustomerOverview(actor, decodeURIComponent(slug))),
    bookingTargets(actor),
  ]);
  return <CustomerDetail data={data} targets={targets} isAdmin={actor.isAdmin && actor.apiKeyProjectId === null} />;
}
