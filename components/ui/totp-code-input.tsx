"use client";

import { forwardRef } from "react";
import { cn } from "./cn.ts";
import { Input, type InputProps } from "./input.tsx";

/** The 6-digit code of an authenticator app (a space in the middle allowed), named `code`. */
export const TotpCodeInput = forwardRef<HTMLInputElement, InputProps>(function TotpCodeInput({ className, ...props }, ref) {
  return (
    <Input
      ref={ref}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      pattern="[0-9 ]*"
      maxLength={7}
      required
      placeholder="123456"
      className={cn("font-mono tracking-[0.3em]", className)}
      {...props}
    />
  );
});
