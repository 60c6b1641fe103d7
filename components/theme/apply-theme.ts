import type { Theme } from "@/lib/users/theme.ts";

/** Switches the page's theme at once (the server action persists it separately). See globals.css. */
export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.setAttribute("data-theme-pref", theme);
  if (theme === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", theme);
}

/** The theme in effect now, for code that must pick colours in JavaScript (canvas, charts). */
export function resolvedTheme(): "light" | "dark" {
  const explicit = document.documentElement.getAttribute("data-theme");
  if (explicit === "light" || explicit === "dark") return explicit;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}
