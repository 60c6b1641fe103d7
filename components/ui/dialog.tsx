"use client";

import { Dialog as RadixDialog } from "radix-ui";
import type { ReactNode } from "react";
import { useT } from "../i18n-provider.tsx";
import { cn } from "./cn.ts";
import { XIcon } from "./icons.tsx";

/** Root: controlled with `open` + `onOpenChange`, or uncontrolled with a <DialogTrigger>. */
export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

export type DialogContentProps = {
  /** Required: the dialog's accessible name, shown as its heading. */
  title: ReactNode;
  /** Shown under the title and used as the accessible description. */
  description?: ReactNode;
  size?: "sm" | "md" | "lg";
  children?: ReactNode;
  className?: string;
  /** Hide the × button (e.g. for a confirmation that must be answered). */
  hideClose?: boolean;
  /** Called when the dialog opens; return false-y to let Radix focus the first focusable element. */
  onOpenAutoFocus?: (event: Event) => void;
  /** Where focus goes on close; Radix returns it to a <DialogTrigger> by itself, use this for dialogs opened otherwise. */
  onCloseAutoFocus?: (event: Event) => void;
};

const WIDTHS = { sm: "max-w-sm", md: "max-w-md", lg: "max-w-2xl" } as const;

/** The dialog panel: overlay, focus trap, Escape to close, title and description wired by Radix. */
export function DialogContent({
  title,
  description,
  size = "md",
  children,
  className,
  hideClose,
  onOpenAutoFocus,
  onCloseAutoFocus,
}: DialogContentProps) {
  const t = useT();
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-overlay data-[state=open]:animate-fade-in" />
      <RadixDialog.Content
        onOpenAutoFocus={onOpenAutoFocus}
        onCloseAutoFocus={onCloseAutoFocus}
        className={cn(
          "fixed top-[12vh] left-1/2 z-50 flex max-h-[80vh] w-[calc(100vw-2rem)] -translate-x-1/2 flex-col overflow-hidden rounded-xl border border-border bg-surface shadow-lg focus:outline-none data-[state=open]:animate-pop-in",
          WIDTHS[size],
          className,
        )}
        // Radix warns about a missing description unless told explicitly that there is none.
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <div className="flex items-start justify-between gap-4 px-5 pt-4 pb-2">
          <div className="flex min-w-0 flex-col gap-1">
            <RadixDialog.Title className="text-base font-semibold tracking-tight text-text">{title}</RadixDialog.Title>
            {description ? <RadixDialog.Description className="text-sm text-muted">{description}</RadixDialog.Description> : null}
          </div>
          {hideClose ? null : (
            <RadixDialog.Close
              aria-label={t("common.close")}
              className="-mr-2 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-text"
            >
              <XIcon />
            </RadixDialog.Close>
          )}
        </div>
        <div className="min-h-0 overflow-y-auto px-5 pt-2 pb-5">{children}</div>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

/** Right-aligned action row at the bottom of a dialog's form. */
export function DialogFooter({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("mt-5 flex items-center justify-end gap-2", className)}>{children}</div>;
}
