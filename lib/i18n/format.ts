// Filling a catalog entry, shared by the server (translate) and the browser (useT): no catalogs here,
// so that client bundles carry only the catalog of the user's language (passed by the layout).
import { intlLocale } from "./locales.ts";

/** One catalog entry: a text, or a plural's texts by category (see Plural in locales.ts). */
export type Message = string | { readonly [category: string]: string };

const pluralRules = new Map<string, Intl.PluralRules>();

/** Fill a catalog entry: picks the plural form by `vars.count`, then replaces `{placeholders}`. */
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
    let rules = pluralRules.get(locale);
    if (!rules) {
      rules = new Intl.PluralRules(locale);
      pluralRules.set(locale, rules);
    }
    const category = Number.isFinite(n) ? rules.select(n) : "other";
    text = message[category] ?? message.other ?? fallback;
    if (typeof raw === "number") values = { ...vars, count: new Intl.NumberFormat(locale).format(raw) };
  }
  return values ? text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m)) : text;
}
