// Filling a catalog entry, shared by the server (translate) and the browser (useT): no catalogs here,
// so that client bundles carry only the catalog of the user's language (passed by the layout).
import { intlLocale } from "./locales.ts";

/** One catalog entry: a text, or a plural's texts by category (see Plural in locales.ts). */
export type Message = string | { readonly [category: string]: string };

const pluralRules = new Map<string, Intl.PluralRules>();

const ICU_PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*(?:\{\w+\}[^{}]*)*\})+)\s*\}/g;
const ICU_BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*(?:\{\w+\}[^{}]*)*)\}/g;

/**
 * Plural choices inside a text, written the ICU way: `{count, plural, one {# card} other {# cards}}`
 * (also `=0 {…}`), for a count in the middle of a sentence. The category is picked by
 * Intl.PluralRules for the language and `#` is the number as the language writes it. Only this
 * subset of ICU MessageFormat: a branch holds text and simple placeholders, no nested choices.
 */
function choosePlurals(locale: string, text: string, vars: Record<string, string | number>): string {
  return text.replace(ICU_PLURAL, (whole, name: string, branches: string) => {
    if (!(name in vars)) return whole;
    const n = Number(vars[name]);
    const options = new Map<string, string>();
    for (const m of branches.matchAll(ICU_BRANCH)) options.set(m[1], m[2]);
    const branch = options.get(`=${n}`) ?? options.get(rulesFor(locale).select(n)) ?? options.get("other") ?? "";
    return branch.replace(/#/g, Number.isFinite(n) ? new Intl.NumberFormat(locale).format(n) : String(vars[name]));
  });
}

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules;
}

/**
 * Fill a catalog entry: a plural entry (one text per category) is picked by `vars.count`; plural
 * choices inside a text (ICU `{count, plural, …}`) are picked by their own variable; then
 * `{placeholders}` are replaced.
 */
export function formatMessage(
  language: string,
  message: Message | undefined,
  fallback: string,
  vars?: Record<string, string | number>,
): string {
  let text: string;
  let values = vars;
  if (message === undefined) text = fallback;
  else if (typeof message === "string") text = message;
  else {
    const locale = intlLocale(language);
    const raw = vars?.count;
    const n = typeof raw === "number" ? raw : Number(raw);
    const category = Number.isFinite(n) ? rulesFor(locale).select(n) : "other";
    text = message[category] ?? message.other ?? fallback;
    if (typeof raw === "number") values = { ...vars, count: new Intl.NumberFormat(locale).format(raw) };
  }
  if (vars && text.includes(", plural,")) text = choosePlurals(intlLocale(language), text, vars);
  return values ? text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m)) : text;
}
