// UI text goes through here. Catalogs are flat key → text maps; `{name}` placeholders are filled
// from `vars`. English is the reference: a key missing in German falls back to English, and
// test/i18n.test.ts fails when the catalogs' keys differ.
import { de } from "./de.ts";
import { en } from "./en.ts";
import { format } from "./format.ts";

export { format };

export const LANGUAGES = ["en", "de"] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const catalogs: Record<Language, Partial<Messages>> = { en, de };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function translate(language: string, key: MessageKey, vars?: Record<string, string | number>): string {
  const lang = isLanguage(language) ? language : "en";
  const text = catalogs[lang][key] ?? en[key] ?? key;
  return vars ? format(lang, text, vars) : text;
}

export type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
export const translator =
  (language: string): T =>
  (key, vars) =>
    translate(language, key, vars);

export function catalog(language: string): Messages {
  return { ...en, ...catalogs[isLanguage(language) ? language : "en"] } as Messages;
}

/** The best language from an Accept-Language header, for visitors who are not signed in. */
export function languageFromHeader(header: string | null): Language {
  for (const part of (header ?? "").split(",")) {
    const code = part.trim().slice(0, 2).toLowerCase();
    if (isLanguage(code)) return code;
  }
  return "en";
}
