"use client";

// toast() can be called from any client code (event handlers, effects, after a failed fetch).
// A tiny module-level store feeds the one <Toaster> mounted in app/layout.tsx; Radix Toast gives
// the live-region announcements, swipe to dismiss, pause on hover and F8 to reach the toasts.
import { Toast as RadixToast } from "radix-ui";
import { useSyncExternalStore } from "react";
import { useT } from "../i18n-provider.tsx";
import { cn } from "./cn.ts";
import { AlertIcon, CheckIcon, InfoIcon, XIcon } from "./icons.tsx";

export type ToastVariant = "default" | "success" | "error";
export type ToastOptions = { variant?: ToastVariant; description?: string; duration?: number };
type ToastItem = { id: number; message: string; variant: ToastVariant; description?: string; duration: number };

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};
const EMPTY: ToastItem[] = [];

/** Shows a toast; returns its id (for dismissToast). Errors stay longer than confirmations. */
export function toast(message: string, options: ToastOptions = {}): number {
  const variant = options.variant ?? "default";
  const id = nextId++;
  items = [
    ...items.slice(-4),
    { id, message, variant, description: options.description, duration: options.duration ?? (variant === "error" ? 8000 : 4000) },
  ];
  emit();
  return id;
}

export function dismissToast(id: number) {
  items = items.filter((i) => i.id !== id);
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const ICONS = { default: InfoIcon, success: CheckIcon, error: AlertIcon } as const;
const ICON_COLOURS = { default: "text-muted", success: "text-success", error: "text-danger" } as const;

export function Toaster() {
  const t = useT();
  const list = useSyncExternalStore(
    subscribe,
    () => items,
    () => EMPTY,
  );
  return (
    <RadixToast.Provider swipeDirection="right" label={t("common.notifications")}>
      {list.map((item) => {
        const Icon = ICONS[item.variant];
        return (
          <RadixToast.Root
            key={item.id}
            duration={item.duration}
            type={item.variant === "error" ? "foreground" : "background"}
            onOpenChange={(open) => {
              if (!open) setTimeout(() => dismissToast(item.id), 150);
            }}
            className={cn(
              "group pointer-events-auto flex w-full items-start gap-2.5 rounded-lg border border-border bg-surface p-3 pr-2 text-sm text-text shadow-lg data-[state=open]:animate-slide-in data-[state=closed]:opacity-0 data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=end]:translate-x-(--radix-toast-swipe-end-x) transition-opacity",
              item.variant === "error" && "border-danger/40",
            )}
          >
            <Icon className={cn("mt-0.5", ICON_COLOURS[item.variant])} />
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <RadixToast.Title className="font-medium">{item.message}</RadixToast.Title>
              {item.description ? (
                <RadixToast.Description className="text-muted">{item.description}</RadixToast.Description>
              ) : null}
            </div>
            <RadixToast.Close
              aria-label={t("common.close")}
              className="inline-flex size-6 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-text"
            >
              <XIcon size={14} />
            </RadixToast.Close>
          </RadixToast.Root>
        );
      })}
      <RadixToast.Viewport className="fixed right-0 bottom-0 z-[60] m-0 flex w-96 max-w-[100vw] list-none flex-col gap-2 p-4 outline-none" />
    </RadixToast.Provider>
  );
}
