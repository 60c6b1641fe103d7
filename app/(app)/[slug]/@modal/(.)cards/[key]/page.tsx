import { CardDialog } from "@/components/card/card-dialog.tsx";
import { loadCardPage } from "@/components/card/card-page-data.ts";
import { HardNavigation } from "@/components/card/hard-navigation.tsx";

export const dynamic = "force-dynamic";

// `/<slug>/cards/KEY-42` reached by a client navigation from a project page: the card as a dialog
// over that page. A direct load or a reload renders app/(app)/[slug]/cards/[key]/page.tsx instead.
export default async function CardDialogPage({ params }: { params: Promise<{ slug: string; key: string }> }) {
  const { slug, key } = await params;
  // The deleted-cards list is a page of its own, never a dialog.
  if (key === "deleted") return <HardNavigation href={`/${encodeURIComponent(slug)}/cards/deleted`} />;
  const props = await loadCardPage(slug, key);
  return <CardDialog key={props.initial.card.key} {...props} />;
}
