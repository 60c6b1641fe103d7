// Every catalog must have exactly the English keys, with the same {placeholders} per key (and per
// plural form), plural texts with exactly the plural categories Intl.PluralRules has for the
// locale, and no empty text; translate() falls back to English. Holds however many keys, area files
// or languages are added.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { de } from "../lib/i18n/de.ts";
import { en } from "../lib/i18n/en.ts";
import {
  catalog,
  formatMessage,
  INTL_LOCALES,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  type Message,
  type MessageKey,
  negotiateLanguage,
  PLURAL_CATEGORIES,
  translate,
  translator,
} from "../lib/i18n/index.ts";

// `{name}`, and the variable of an ICU plural choice inside a text (`{count, plural, one {…} …}`).
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();
// Markdown that must survive translation: **bold**, `code`, [links](…).
const markup = (text: string) => [...text.matchAll(/\*\*|`|\]\(/g)].map((m) => m[0]).sort();
const i18nDir = join(import.meta.dirname, "..", "lib", "i18n");
const OTHERS = LANGUAGES.filter((l) => l !== "en");
const texts = (m: Message): string[] => (typeof m === "string" ? [m] : Object.values(m));

async function catalogOf(lang: Language): Promise<Record<string, Message>> {
  const out: Record<string, Message> = {};
  for (const file of areas(lang)) {
    const mod = (await import(join(i18nDir, lang, file))) as Record<string, Record<string, Message>>;
    for (const messages of Object.values(mod)) Object.assign(out, messages);
  }
  return out;
}
const areas = (lang: string) =>
  readdirSync(join(i18nDir, lang))
    .filter((f) => f.endsWith(".ts"))
    .sort();

describe("languages", () => {
  it("every language has a name in itself, an Intl locale and Intl's plural categories", () => {
    for (const lang of LANGUAGES) {
      expect(LANGUAGE_NAMES[lang], lang).toBeTruthy();
      const locale = INTL_LOCALES[lang];
      expect(Intl.DateTimeFormat.supportedLocalesOf([locale]), lang).toEqual([locale]);
      const intl = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      expect([...PLURAL_CATEGORIES[lang]].sort(), lang).toEqual([...intl].sort());
    }
    expect(PLURAL_CATEGORIES.pl).toEqual(["one", "few", "many", "other"]);
    expect(PLURAL_CATEGORIES.ja).toEqual(["other"]);
  });

  it("negotiates the language from Accept-Language by weight, region and base language", () => {
    expect(negotiateLanguage("fr-CA,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiateLanguage("de;q=0.5, ja;q=0.9")).toBe("ja");
    expect(negotiateLanguage("pt-PT,pt;q=0.9")).toBe("pt-BR");
    expect(negotiateLanguage("PT-br")).toBe("pt-BR");
    expect(negotiateLanguage("es-MX")).toBe("es");
    expect(negotiateLanguage("sv-SE,pl;q=0.7,en;q=0.6")).toBe("pl");
    expect(negotiateLanguage("es;q=0, ja")).toBe("ja");
    expect(negotiateLanguage("zh-CN, *;q=0.1")).toBeNull();
    expect(negotiateLanguage("")).toBeNull();
    expect(negotiateLanguage(null)).toBeNull();
  });
});

describe("catalogs", () => {
  it.each(OTHERS)("%s has exactly the English keys", async (lang) => {
    const other = await catalogOf(lang);
    const enKeys = Object.keys(en).sort();
    expect(enKeys.length).toBeGreaterThan(0);
    expect(
      enKeys.filter((k) => !(k in other)),
      `keys missing in ${lang}`,
    ).toEqual([]);
    expect(
      Object.keys(other).filter((k) => !(k in en)),
      `${lang} keys that English does not have`,
    ).toEqual([]);
  });

  it.each(OTHERS)(
    "%s keeps every {placeholder} and markup, has no empty text, and the plural categories of its locale",
    async (lang) => {
      const other = await catalogOf(lang);
      const categories = [...PLURAL_CATEGORIES[lang]].sort();
      const problems: string[] = [];
      for (const key of Object.keys(en) as MessageKey[]) {
        const english = en[key] as Message;
        const translated = other[key];
        if (translated === undefined) continue;
        const reference = typeof english === "string" ? english : english.other;
        for (const text of texts(english)) expect(text.trim(), `en ${key}`).not.toBe("");
        if (typeof english === "string") {
          if (typeof translated !== "string") problems.push(`${key}: plural in ${lang}, not in English`);
        } else if (typeof translated === "string") problems.push(`${key}: not plural in ${lang}`);
        else if (Object.keys(translated).sort().join() !== categories.join())
          problems.push(`${key}: categories ${Object.keys(translated)} (expected ${categories})`);
        for (const text of texts(translated)) {
          if (!text.trim()) problems.push(`${key}: empty`);
          if (placeholders(text).join() !== placeholders(reference).join())
            problems.push(`${key}: {${placeholders(text)}} (English {${placeholders(reference)}})`);
          if (markup(text).join() !== markup(reference).join())
            problems.push(`${key}: markup ${markup(text)} (English ${markup(reference)})`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it("English plurals have one and other", () => {
    for (const [key, message] of Object.entries(en) as [string, Message][]) {
      if (typeof message !== "string") expect(Object.keys(message).sort(), key).toEqual(["one", "other"]);
    }
  });

  it("has the same area files per language, and no key is defined in two areas", async () => {
    for (const lang of LANGUAGES) {
      expect(areas(lang), lang).toEqual(areas("en"));
      const seen = new Map<string, string>();
      const duplicates: string[] = [];
      for (const file of areas(lang)) {
        const mod = (await import(join(i18nDir, lang, file))) as Record<string, Record<string, Message>>;
        for (const messages of Object.values(mod)) {
          for (const key of Object.keys(messages)) {
            if (seen.has(key)) duplicates.push(`${lang}: ${key} in ${seen.get(key)} and ${file}`);
            seen.set(key, file);
          }
        }
      }
      expect(duplicates).toEqual([]);
    }
  });

  it("the product name stays WarmDesk in every language", () => {
    for (const lang of LANGUAGES) expect(translate(lang, "app.name")).toBe("WarmDesk");
  });
});

describe("plural forms", () => {
  // One number per category, as Intl picks them: 1 → one; Polish 2 → few, 5 → many; French 1000000 → many.
  const samples = [0, 1, 2, 3, 5, 11, 21, 22, 25, 1000000, 1.5];

  it.each(LANGUAGES)("%s: every plural text is reachable and chosen by Intl.PluralRules", (lang) => {
    const rules = new Intl.PluralRules(INTL_LOCALES[lang]);
    const reached = new Set(samples.map((n) => rules.select(n)));
    expect([...reached].sort(), `${lang} categories reached by the samples`).toEqual([...PLURAL_CATEGORIES[lang]].sort());
    const key = "customers.count" as MessageKey;
    const message = catalog(lang)[key] as Record<string, string>;
    for (const n of samples) {
      const expected = message[rules.select(n)].replace("{count}", new Intl.NumberFormat(INTL_LOCALES[lang]).format(n));
      expect(translate(lang, key, { count: n }), `${lang} ${n}`).toBe(expected);
    }
  });

  it("Polish uses one, few and many", () => {
    const pl = (n: number) =>
      formatMessage("pl", { one: "{count} A", few: "{count} B", many: "{count} C", other: "{count} D" }, "", { count: n });
    expect([1, 2, 4, 5, 12, 22, 25, 1.5].map(pl)).toEqual(["1 A", "2 B", "4 B", "5 C", "12 C", "22 B", "25 C", "1,5 D"]);
  });

  it("English and German pick one and other, and format {count} for the locale", () => {
    expect(translate("en", "customers.count", { count: 1 })).toBe("1 customer");
    expect(translate("en", "customers.count", { count: 1200 })).toBe("1,200 customers");
    expect(translate("de", "customers.count", { count: 1 })).toBe("1 Kunde");
    expect(translate("de", "customers.count", { count: 1200 })).toBe("1.200 Kunden");
  });
});

describe("translate", () => {
  const key = Object.keys(en).find(
    (k) => typeof en[k as MessageKey] === "string" && placeholders(en[k as MessageKey] as string).length === 0,
  ) as MessageKey;
  const withVars = Object.keys(en).find(
    (k) => typeof en[k as MessageKey] === "string" && placeholders(en[k as MessageKey] as string).length > 0,
  ) as MessageKey | undefined;
  const removed: Partial<Record<string, Message>> = {};

  afterEach(() => {
    Object.assign(de, removed);
  });

  it("answers in the requested language", () => {
    expect(translate("de", key)).toBe((de as Record<string, Message>)[key]);
    expect(translate("en", key)).toBe(en[key]);
    expect(translator("de")(key)).toBe((de as Record<string, Message>)[key]);
  });

  it("falls back to English for an unknown language and for a key German lacks", () => {
    expect(translate("xx", key)).toBe(en[key]);
    expect(translate("", key)).toBe(en[key]);
    removed[key] = (de as Record<string, Message>)[key];
    delete (de as Record<string, Message>)[key];
    expect(translate("de", key)).toBe(en[key]);
    expect(catalog("de")[key]).toBe(en[key]);
  });

  it.skipIf(!withVars)("fills {placeholders} and leaves unknown ones as they are", () => {
    const k = withVars as MessageKey;
    const names = placeholders(en[k] as string);
    const vars = Object.fromEntries(names.map((n, i) => [n, `V${i}`]));
    const text = translate("en", k, vars);
    for (const [, v] of Object.entries(vars)) expect(text).toContain(v);
    expect(text).not.toMatch(/\{\w+\}/);
    expect(translate("en", k, {})).toBe(en[k]);
  });
});
