// The German catalog must have exactly the English keys, with the same {placeholders} per key;
// translate() falls back to English. Holds however many keys or area files are added.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { de } from "../lib/i18n/de.ts";
import { en } from "../lib/i18n/en.ts";
import { catalog, type MessageKey, translate, translator } from "../lib/i18n/index.ts";

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const i18nDir = join(import.meta.dirname, "..", "lib", "i18n");

describe("catalogs", () => {
  it("English and German have the same keys", () => {
    const enKeys = Object.keys(en).sort();
    const deKeys = Object.keys(de).sort();
    expect(enKeys.length).toBeGreaterThan(0);
    expect(
      enKeys.filter((k) => !(k in de)),
      "keys missing in German",
    ).toEqual([]);
    expect(
      deKeys.filter((k) => !(k in en)),
      "German keys that English does not have",
    ).toEqual([]);
  });

  it("every key has the same {placeholders} in both languages, and no text is empty", () => {
    const mismatched: string[] = [];
    for (const key of Object.keys(en) as MessageKey[]) {
      const english = en[key] as string;
      const german = (de as Record<string, string>)[key];
      expect(english.trim(), `en ${key}`).not.toBe("");
      if (german === undefined) continue;
      expect(german.trim(), `de ${key}`).not.toBe("");
      if (placeholders(english).join() !== placeholders(german).join()) {
        mismatched.push(`${key}: en {${placeholders(english)}} de {${placeholders(german)}}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it("has the same area files per language, and no key is defined in two areas", async () => {
    const areas = (lang: string) =>
      readdirSync(join(i18nDir, lang))
        .filter((f) => f.endsWith(".ts"))
        .sort();
    expect(areas("de")).toEqual(areas("en"));
    for (const lang of ["en", "de"]) {
      const seen = new Map<string, string>();
      const duplicates: string[] = [];
      for (const file of areas(lang)) {
        const mod = (await import(join(i18nDir, lang, file))) as Record<string, Record<string, string>>;
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
});

describe("translate", () => {
  const key = Object.keys(en).find((k) => placeholders(en[k as MessageKey]).length === 0) as MessageKey;
  const withVars = Object.keys(en).find((k) => placeholders(en[k as MessageKey]).length > 0) as MessageKey | undefined;
  const removed: Partial<Record<string, string>> = {};

  afterEach(() => {
    Object.assign(de, removed);
  });

  it("answers in the requested language", () => {
    expect(translate("de", key)).toBe((de as Record<string, string>)[key]);
    expect(translate("en", key)).toBe(en[key]);
    expect(translator("de")(key)).toBe((de as Record<string, string>)[key]);
  });

  it("falls back to English for an unknown language and for a key German lacks", () => {
    expect(translate("fr", key)).toBe(en[key]);
    expect(translate("", key)).toBe(en[key]);
    removed[key] = (de as Record<string, string>)[key];
    delete (de as Record<string, string>)[key];
    expect(translate("de", key)).toBe(en[key]);
    expect(catalog("de")[key]).toBe(en[key]);
  });

  it.skipIf(!withVars)("fills {placeholders} and leaves unknown ones as they are", () => {
    const k = withVars as MessageKey;
    const names = placeholders(en[k]);
    const vars = Object.fromEntries(names.map((n, i) => [n, `V${i}`]));
    const text = translate("en", k, vars);
    for (const [, v] of Object.entries(vars)) expect(text).toContain(v);
    expect(text).not.toMatch(/\{\w+\}/);
    expect(translate("en", k, {})).toBe(en[k]);
  });
});
