"use client";

import {
  Children,
  cloneElement,
  forwardRef,
  type InputHTMLAttributes,
  isValidElement,
  type LabelHTMLAttributes,
  type ReactElement,
  type ReactNode,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { cn } from "./cn.ts";

export const CONTROL =
  "w-full rounded-md border border-border bg-surface text-sm text-text shadow-sm transition-colors placeholder:text-muted/70 hover:border-muted/50 focus-visible:border-accent focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/30 disabled:cursor-not-allowed disabled:opacity-60 aria-[invalid=true]:border-danger";

export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "size"> & { size?: "sm" | "md" };

export const Input = forwardRef<HTMLInputElement, InputProps>(function Input(
  { className, size = "md", type = "text", ...props },
  ref,
) {
  return (
    <input ref={ref} type={type} className={cn(CONTROL, size === "sm" ? "h-7 px-2 text-xs" : "h-9 px-3", className)} {...props} />
  );
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function Textarea(
  { className, rows = 4, ...props },
  ref,
) {
  return <textarea ref={ref} rows={rows} className={cn(CONTROL, "min-h-16 px-3 py-2 leading-relaxed", className)} {...props} />;
});

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  // biome-ignore lint/a11y/noLabelWithoutControl: callers pass htmlFor or nest the control.
  return <label className={cn("text-[13px] font-medium text-text", className)} {...props} />;
}

export type FieldProps = {
  label: ReactNode;
  /** The control: an <Input>, <Textarea> or <select>. Field gives it id, aria-describedby and aria-invalid. */
  children: ReactElement<{ id?: string; "aria-describedby"?: string; "aria-invalid"?: boolean; required?: boolean }>;
  hint?: ReactNode;
  error?: ReactNode;
  /** Id for the control; generated when omitted. */
  id?: string;
  className?: string;
  /** Optional element shown at the right of the label row (e.g. a "Forgot?" link). */
  aside?: ReactNode;
};

/** Label + control + hint + error, wired for assistive technology. */
export function Field({ label, children, hint, error, id, className, aside }: FieldProps) {
  const generated = useId();
  const controlId = id ?? children.props.id ?? `f${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [children.props["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined;
  const control = isValidElement(children)
    ? cloneElement(Children.only(children), {
        id: controlId,
        "aria-describedby": describedBy,
        "aria-invalid": error ? true : children.props["aria-invalid"],
      })
    : children;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={controlId}>{label}</Label>
        {aside}
      </div>
      {control}
      {hint && !error ? (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {hint && error ? (
        <p id={hintId} className="sr-only">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
