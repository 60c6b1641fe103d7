// The languages WarmDesk speaks, what each calls itself, its Intl locale and the plural categories
// its catalogs must give (exactly those of Intl.PluralRules for the locale; test/i18n.test.ts checks).
// Adding a language: docs/adding-a-language.md.

// Italian (it) and Dutch (nl) are next: their catalogs are not written yet (docs/adding-a-language.md).
export const LANGUAGES = ["en", "de", "fr", "es", "pl", "pt-BR", "ja"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in its own name, for pickers (shown in every UI language as is). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  es: "Español",
  pl: "Polski",
  "pt-BR": "Português (Brasil)",
  ja: "日本語",
};

/** The Intl locale for dates, numbers and currencies. English uses en-GB (day month year, 24 h). */
export const INTL_LOCALES: Record<Language, string> = {
  en: "en-GB",
  de: "de-DE",
  fr: "fr-FR",
  es: "es-ES",
  pl: "pl-PL",
  "pt-BR": "pt-BR",
  ja: "ja-JP",
};

export const PLURAL_CATEGORIES = {
  en: ["one", "other"],
  de: ["one", "other"],
  fr: ["one", "many", "other"],
  es: ["one", "many", "other"],
  pl: ["one", "few", "many", "other"],
  "pt-BR": ["one", "many", "other"],
  ja: ["other"],
} as const satisfies Record<Language, readonly Intl.LDMLPluralRule[]>;

export type PluralCategoryOf<L extends Language> = (typeof PLURAL_CATEGORIES)[L][number];

/** A message that depends on `{count}`: one text per plural category of the language. */
export type Plural<L extends Language = Language> = { readonly [C in PluralCategoryOf<L>]: string };

/** A translation of an English area file into language L: every key, plural where English is plural. */
export type Translation<E, L extends Language> = { [K in keyof E]: E[K] extends string ? string : Plural<L> };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** `fr-CA` → `fr`, `pt` / `pt-PT` → `pt-BR` (the Portuguese we have), case-insensitive. */
export function matchLanguage(tag: string): Language | null {
  const lower = tag.trim().toLowerCase();
  if (!lower || lower === "*") return null;
  const exact = LANGUAGES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const base = lower.split(/[-_]/)[0];
  return LANGUAGES.find((l) => l.toLowerCase().split("-")[0] === base) ?? null;
}

/**
 * The best language of an Accept-Language header (RFC 9110 weights; `q=0` excludes), or null.
 * Equal weights keep the header's order.
 */
export function negotiateLanguage(header: string | null | undefined): Language | null {
  const ranges = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const r of ranges) {
    const lang = matchLanguage(r.tag);
    if (lang) return lang;
  }
  return null;
}

/** The CSV field separator for a language: `;` where the decimal separator is a comma (as spreadsheets expect). */
export function csvSeparator(language: Language): string {
  const decimal = new Intl.NumberFormat(INTL_LOCALES[language]).formatToParts(1.5).find((p) => p.type === "decimal");
  return decimal?.value === "," ? ";" : ",";
}

/** The Intl locale of a language (unknown: English), for Intl.DateTimeFormat / NumberFormat. */
export function intlLocale(language: string): string {
  return INTL_LOCALES[isLanguage(language) ? language : "en"];
}
