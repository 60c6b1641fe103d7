import type { Language } from "../i18n/index.ts";
import { getSetting } from "./settings.ts";

/** The first of en/de that an Accept-Language header names, or null. */
export function languageInHeader(header: string | null): Language | null {
  for (const part of (header ?? "").split(",")) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (code === "en" || code === "de") return code;
  }
  return null;
}

/** A signed-out visitor's language: their browser's when it names one we have, else the instance default. */
export async function visitorLanguage(acceptLanguage: string | null): Promise<Language> {
  return languageInHeader(acceptLanguage) ?? (await getSetting("default_language"));
}

/** The language for a new account when none was given (admin-created users, sign-up). */
export function defaultLanguage(): Promise<Language> {
  return getSetting("default_language");
}
