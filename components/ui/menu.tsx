"use client";

import { DropdownMenu } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn.ts";
import { CheckIcon, ChevronRightIcon } from "./icons.tsx";

/** Dropdown menus (Radix): arrow keys, typeahead, Escape, focus return are built in. */
export const Menu = DropdownMenu.Root;
export const MenuTrigger = DropdownMenu.Trigger;
export const MenuGroup = DropdownMenu.Group;
export const MenuRadioGroup = DropdownMenu.RadioGroup;
export const MenuSub = DropdownMenu.Sub;

const PANEL =
  "z-50 min-w-44 overflow-hidden rounded-lg border border-border bg-surface p-1 text-sm text-text shadow-lg data-[state=open]:animate-pop-in";
const ITEM =
  "relative flex h-8 cursor-default select-none items-center gap-2 rounded-md px-2 outline-none data-[disabled]:pointer-events-none data-[highlighted]:bg-surface-2 data-[disabled]:opacity-50 [&_svg]:shrink-0 [&_svg]:text-muted";

export function MenuContent({ className, sideOffset = 6, align = "end", ...props }: ComponentProps<typeof DropdownMenu.Content>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content sideOffset={sideOffset} align={align} className={cn(PANEL, className)} {...props} />
    </DropdownMenu.Portal>
  );
}

export function MenuItem({
  className,
  variant = "default",
  ...props
}: ComponentProps<typeof DropdownMenu.Item> & { variant?: "default" | "danger" }) {
  return (
    <DropdownMenu.Item className={cn(ITEM, variant === "danger" && "text-danger [&_svg]:text-danger", className)} {...props} />
  );
}

export function MenuCheckboxItem({ className, children, ...props }: ComponentProps<typeof DropdownMenu.CheckboxItem>) {
  return (
    <DropdownMenu.CheckboxItem className={cn(ITEM, "pr-8", className)} {...props}>
      {children}
      <DropdownMenu.ItemIndicator className="absolute right-2 inline-flex">
        <CheckIcon className="text-accent" />
      </DropdownMenu.ItemIndicator>
    </DropdownMenu.CheckboxItem>
  );
}

export function MenuRadioItem({ className, children, ...props }: ComponentProps<typeof DropdownMenu.RadioItem>) {
  return (
    <DropdownMenu.RadioItem className={cn(ITEM, "pr-8", className)} {...props}>
      {children}
      <DropdownMenu.ItemIndicator className="absolute right-2 inline-flex">
        <CheckIcon className="!text-accent" />
      </DropdownMenu.ItemIndicator>
    </DropdownMenu.RadioItem>
  );
}

export function MenuLabel({ className, ...props }: ComponentProps<typeof DropdownMenu.Label>) {
  return <DropdownMenu.Label className={cn("px-2 pt-1.5 pb-1 text-xs font-medium text-muted", className)} {...props} />;
}

export function MenuSeparator({ className, ...props }: ComponentProps<typeof DropdownMenu.Separator>) {
  return <DropdownMenu.Separator className={cn("-mx-1 my-1 h-px bg-border", className)} {...props} />;
}

export function MenuSubTrigger({ className, children, ...props }: ComponentProps<typeof DropdownMenu.SubTrigger>) {
  return (
    <DropdownMenu.SubTrigger className={cn(ITEM, "data-[state=open]:bg-surface-2", className)} {...props}>
      {children}
      <ChevronRightIcon className="ml-auto" />
    </DropdownMenu.SubTrigger>
  );
}

export function MenuSubContent({ className, ...props }: ComponentProps<typeof DropdownMenu.SubContent>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.SubContent sideOffset={4} className={cn(PANEL, className)} {...props} />
    </DropdownMenu.Portal>
  );
}

/** Right-aligned hint inside an item, e.g. a shortcut. */
export function MenuShortcut({ children }: { children: ReactNode }) {
  return <span className="ml-auto pl-4 text-xs text-muted">{children}</span>;
}
