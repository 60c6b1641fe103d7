import { CardDialogLoading } from "@/components/card/card-dialog.tsx";

// The dialog opens at once over the board while the card loads.
export default function Loading() {
  return <CardDialogLoading />;
}
