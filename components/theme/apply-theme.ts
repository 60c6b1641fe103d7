import type { Theme } from "@/lib/users/theme.ts";

/** Switches the page's theme at once (the server action persists it separately). */
export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.setAttribute("data-theme-pref", theme);
  const dark = theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  root.setAttribute("data-theme", dark ? "dark" : "light");
}
