"use client";
// Copying a shown-once value (an API key, a webhook secret): to the clipboard with a toast, or, where
// the clipboard is refused, the text selected in its field for the user to copy by hand.
import { useRef, useState } from "react";
import { toast } from "./toast.tsx";

export function useCopy(value: string, messages: { copied: string; failed: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  async function onCopy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast(messages.copied, { variant: "success" });
    } catch {
      input.current?.select();
      toast(messages.failed, { variant: "error" });
    }
  }
  return { input, copied, onCopy };
}
