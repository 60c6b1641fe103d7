// Message formatting shared by the server (translate) and the browser (useT), without the catalogs.

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  const found = map.get(key);
  if (found) return found;
  const made = make();
  map.set(key, made);
  return made;
}

/**
 * Fills `{name}` placeholders, and plural choices written the ICU way:
 * `{count, plural, one {# card} other {# cards}}` (also `=0 {…}`), the category picked by
 * Intl.PluralRules for the language (so Polish has few/many, Japanese only other) and `#` written
 * as the language formats the number. Only this subset of ICU MessageFormat: a plural's branches
 * hold text and simple placeholders, no nested choices.
 */
export function format(language: string, text: string, vars: Record<string, string | number>): string {
  const plural = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*(?:\{\w+\}[^{}]*)*\})+)\s*\}/g;
  const chosen = text.replace(plural, (whole, name: string, branches: string) => {
    if (!(name in vars)) return whole;
    const n = Number(vars[name]);
    const options = new Map<string, string>();
    for (const m of branches.matchAll(/(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*(?:\{\w+\}[^{}]*)*)\}/g))
      options.set(m[1], m[2]);
    const rules = cached(pluralRules, language, () => new Intl.PluralRules(language));
    const numbers = cached(numberFormats, language, () => new Intl.NumberFormat(language));
    const branch = options.get(`=${n}`) ?? options.get(rules.select(n)) ?? options.get("other") ?? "";
    return branch.replace(/#/g, Number.isFinite(n) ? numbers.format(n) : String(vars[name]));
  });
  return chosen.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}
