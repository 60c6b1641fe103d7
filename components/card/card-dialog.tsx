"use client";

// The card detail as a dialog over the board, at the card's own URL (an intercepted route, see
// app/(app)/[slug]/@modal). The board stays mounted and live behind it. Closing (Escape, ×, the
// overlay) goes back in history to the board and puts the focus back on the card there.
import { useParams, useRouter } from "next/navigation";
import { Dialog as RadixDialog } from "radix-ui";
import { createContext, type ReactNode, useCallback, useContext, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { XIcon } from "@/components/ui/icons.tsx";
import { type CardDetailProps, CardDetailView } from "./card-detail-view.tsx";

function ExpandIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
      <path d="M14 4h6v6M10 20H4v-6M20 4l-7 7M4 20l7-7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The dialog around a card (or its loading state): a header with the project, "open as page" and
 * close; Escape, × and the overlay go back in history. `cardKey` is the card to focus on the board
 * afterwards.
 */
function CardDialogFrame({
  cardKey,
  slug,
  projectName,
  busy = false,
  children,
}: {
  cardKey: string;
  slug: string;
  projectName?: string;
  busy?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(true);
  const close = useCallback(() => {
    setOpen(false);
    router.back();
  }, [router]);

  return (
    <CloseContext.Provider value={close}>
      <RadixDialog.Root open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
        <RadixDialog.Portal>
          <RadixDialog.Overlay className="fixed inset-0 z-40 bg-overlay data-[state=open]:animate-fade-in" />
          <RadixDialog.Content
            data-testid="card-dialog"
            aria-describedby={undefined}
            aria-busy={busy || undefined}
            onEscapeKeyDown={(e) => {
              // Escape in a field (the title, the description, a comment) cancels that edit, not the dialog.
              const el = e.target as HTMLElement | null;
              if (el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))) e.preventDefault();
            }}
            onCloseAutoFocus={(e) => {
              // Back to the card on the board (it may have been re-rendered since it was clicked).
              const target = document.querySelector<HTMLElement>(`[data-card-key="${CSS.escape(cardKey)}"]`);
              if (target) {
                e.preventDefault();
                target.focus();
              }
            }}
            className="fixed top-[4vh] left-1/2 z-50 flex max-h-[92vh] w-[calc(100vw-2rem)] max-w-5xl -translate-x-1/2 flex-col overflow-hidden rounded-xl border border-border bg-bg shadow-lg focus:outline-none data-[state=open]:animate-pop-in"
          >
            <div className="flex items-center gap-2 border-b border-border bg-surface px-4 py-2">
              <span className="min-w-0 flex-1 truncate text-[12px] text-muted">{projectName}</span>
              {/* A full page load: a client navigation would open this dialog again. */}
              <a
                href={`/${encodeURIComponent(slug)}/cards/${encodeURIComponent(cardKey)}`}
                className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-[12px] text-muted hover:bg-surface-2 hover:text-text focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <ExpandIcon />
                {t("card.openPage")}
              </a>
              <RadixDialog.Close
                aria-label={t("card.closeDialog")}
                title={t("card.closeDialog")}
                className="inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-text focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <XIcon size={16} />
              </RadixDialog.Close>
            </div>
            <div className="min-h-0 overflow-y-auto">{children}</div>
          </RadixDialog.Content>
        </RadixDialog.Portal>
      </RadixDialog.Root>
    </CloseContext.Provider>
  );
}

const CloseContext = createContext<() => void>(() => undefined);

export function CardDialog(props: CardDetailProps) {
  const { card, project } = props.initial;
  return (
    <CardDialogFrame cardKey={card.key} slug={project.slug} projectName={project.name}>
      <DialogCardDetail {...props} />
    </CardDialogFrame>
  );
}

function DialogCardDetail(props: CardDetailProps) {
  const close = useContext(CloseContext);
  return (
    <CardDetailView
      {...props}
      key={props.initial.card.key}
      variant="dialog"
      renderTitle={(heading) => <RadixDialog.Title asChild>{heading}</RadixDialog.Title>}
      onDeleted={close}
    />
  );
}

/** While the card loads: the dialog at once, with the shape of a card (app/(app)/[slug]/@modal/(.)cards/[key]/loading.tsx). */
export function CardDialogLoading() {
  const t = useT();
  const params = useParams<{ slug: string; key: string }>();
  const key = decodeURIComponent(params.key ?? "");
  return (
    <CardDialogFrame cardKey={key} slug={decodeURIComponent(params.slug ?? "")} busy>
      <div className="grid gap-8 px-5 pt-3 pb-6 md:grid-cols-[minmax(0,1fr)_17rem]" data-testid="card-dialog-loading">
        <div className="flex flex-col gap-3">
          <p className="font-mono text-xs text-muted">{key}</p>
          <RadixDialog.Title className="sr-only">{t("common.loading")}</RadixDialog.Title>
          <div className="h-7 w-2/3 animate-pulse rounded-md bg-surface-2" />
          <div className="mt-4 h-4 w-1/4 animate-pulse rounded bg-surface-2" />
          <div className="h-20 animate-pulse rounded-lg bg-surface-2" />
          <div className="mt-4 h-4 w-1/4 animate-pulse rounded bg-surface-2" />
          <div className="h-9 animate-pulse rounded-lg bg-surface-2" />
        </div>
        <div className="h-64 animate-pulse rounded-xl bg-surface-2" />
      </div>
    </CardDialogFrame>
  );
}
