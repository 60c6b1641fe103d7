// Money as integer minor units (cents, or yen for a currency without decimals), never floats. Rules:
// - a rate is an amount per hour in minor units; an entry's amount is rate × minutes / 60, rounded
//   half up (commercial rounding: 0.5 of a minor unit goes up) once, per entry, in integers;
// - every total is the sum of those rounded entry amounts, so an invoice's lines add up to its total;
// - decimal text (`95.50`, `95,50`) is parsed digit by digit, and shown by Intl from a decimal
//   string, so no value ever passes through a binary fraction.
// Importable from the browser (no database here).

/** ISO 4217 codes the runtime knows (Intl), for validation and the currency picker. */
export const CURRENCIES: readonly string[] = Intl.supportedValuesOf("currency");

export const isCurrency = (code: string) => /^[A-Z]{3}$/.test(code) && CURRENCIES.includes(code);

/** Digits after the decimal point of a currency's minor unit (EUR 2, JPY 0, BHD 3). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The largest hourly rate accepted, in minor units (10 million whole units of a 2-digit currency). */
export const MAX_RATE_MINOR = 1_000_000_000;

/** The amount of `minutes` at `rateMinor` per hour, rounded half up to a minor unit. */
export function amountFor(rateMinor: number, minutes: number): bigint {
  const product = BigInt(rateMinor) * BigInt(minutes);
  const sign = product < 0n ? -1n : 1n;
  const abs = product < 0n ? -product : product;
  return sign * ((abs * 2n + 60n) / 120n);
}

/**
 * Decimal text in whole currency units to minor units: `95`, `95.5` and `95,50` → 9550 (EUR). One
 * decimal separator (point or comma), no grouping; null for anything else, or for more decimals
 * than the currency has (nothing is rounded away silently).
 */
export function parseMoney(text: string, currency: string): bigint | null {
  const digits = currencyDigits(currency);
  const m = /^(\d{1,15})(?:[.,](\d+))?$/.exec(text.trim());
  if (!m) return null;
  const fraction = m[2] ?? "";
  if (fraction.length > digits) return null;
  return BigInt(m[1]) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
}

/** Minor units as a plain decimal string (`9550`, EUR → `95.50`), for Intl and CSV. */
export function minorToDecimal(minor: bigint | number, currency: string): string {
  const digits = currencyDigits(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(digits + 1, "0");
  const text = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

/** `9550`, EUR, "de" → `95,50 €`. */
export function formatMoney(minor: bigint | number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    // biome-ignore lint/suspicious/noExplicitAny: Intl formats decimal strings exactly (ES2023); the lib types lag
  }).format(minorToDecimal(minor, currency) as any);
}

/** Minor units as a number in a locale without the currency sign (`1234,50`), for CSV columns. */
export function formatMoneyPlain(minor: bigint | number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
    // biome-ignore lint/suspicious/noExplicitAny: as above
  }).format(minorToDecimal(minor, currency) as any);
}

/** Sums per currency, e.g. `{ EUR: 12000n }`, as JSON-safe numbers. */
export type Amounts = Record<string, number>;

export function addAmount(into: Map<string, bigint>, currency: string | null, minor: bigint | number) {
  if (!currency) return;
  into.set(currency, (into.get(currency) ?? 0n) + BigInt(minor));
}

export const amountsJson = (m: Map<string, bigint>): Amounts =>
  Object.fromEntries([...[...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1))].map(([c, v]) => [c, Number(v)]));
