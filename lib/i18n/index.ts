// UI text goes through here. Catalogs are flat key → text maps; `{name}` placeholders are filled
// from `vars`. A text that depends on `{count}` is a plural: one text per plural category of the
// language (Intl.PluralRules), and `{count}` is then formatted for the locale. English is the
// reference: a key missing in another catalog falls back to English, the catalogs' types make a
// missing key a type error, and test/i18n.test.ts checks keys, placeholders and plural categories.
import { de } from "./de.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { formatMessage, type Message } from "./format.ts";
import { fr } from "./fr.ts";
import { ja } from "./ja.ts";
import { isLanguage, type Language, negotiateLanguage } from "./locales.ts";
import { pl } from "./pl.ts";
import { ptBR } from "./pt-BR.ts";

export { formatMessage, type Message } from "./format.ts";
export {
  csvSeparator,
  INTL_LOCALES,
  intlLocale,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  matchLanguage,
  negotiateLanguage,
  PLURAL_CATEGORIES,
  type Plural,
  type Translation,
} from "./locales.ts";

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, Message>;

const catalogs: Record<Language, Partial<Messages>> = { en, de, fr, es, pl, "pt-BR": ptBR, ja };

export function translate(language: string, key: MessageKey, vars?: Record<string, string | number>): string {
  const lang = isLanguage(language) ? language : "en";
  const message = catalogs[lang][key] ?? en[key];
  return formatMessage(lang, message, key, vars);
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
  return negotiateLanguage(header) ?? "en";
}
