import { type Language, negotiateLanguage } from "../i18n/locales.ts";
import { getSetting } from "./settings.ts";

/** The language WarmDesk speaks that an Accept-Language header prefers most (q weights), or null. */
export function languageInHeader(header: string | null): Language | null {
  return negotiateLanguage(header);
}

/** A signed-out visitor's language: their browser's when it names one we have, else the instance default. */
export async function visitorLanguage(acceptLanguage: string | null): Promise<Language> {
  return languageInHeader(acceptLanguage) ?? (await getSetting("default_language"));
}

/** The language for a new account when none was given (admin-created users, sign-up). */
export function defaultLanguage(): Promise<Language> {
  return getSetting("default_language");
}
