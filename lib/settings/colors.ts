// The accent colour an administrator picks, turned into the theme's accent tokens for light and
// dark: a hover shade, a soft tint for backgrounds, and a foreground that stays readable on it
// (white or near-black, whichever has the higher contrast).
type Rgb = [number, number, number];

export const DEFAULT_ACCENT = "#c2481d";
const NEAR_BLACK = "#1d1b19";
const LIGHT_BG = "#ffffff";
const DARK_BG = "#141312";

export function parseHex(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  return m ? [Number.parseInt(m[1], 16), Number.parseInt(m[2], 16), Number.parseInt(m[3], 16)] : null;
}

const toHex = (rgb: Rgb) =>
  `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;

/** `a` moved towards `b` by `amount` (0..1). */
function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  return [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * amount) as Rgb;
}

/** WCAG relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const x = parseHex(a);
  const y = parseHex(b);
  if (!x || !y) return 1;
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black, whichever reads better on `background`. */
export function readableOn(background: string): string {
  return contrast(background, "#ffffff") >= contrast(background, NEAR_BLACK) ? "#ffffff" : NEAR_BLACK;
}

/** Moves `base` away from its foreground until the pair reaches 4.5:1 (WCAG AA for text). */
function withReadableText(base: Rgb): Rgb {
  let rgb = base;
  for (let i = 0; i < 20; i++) {
    const fg = readableOn(toHex(rgb));
    if (contrast(toHex(rgb), fg) >= 4.5) break;
    rgb = mix(rgb, fg === "#ffffff" ? [0, 0, 0] : [255, 255, 255], 0.06);
  }
  return rgb;
}

export type AccentTokens = { accent: string; hover: string; fg: string; soft: string; ring: string };

/** Tokens for one theme. On dark backgrounds a dark accent is lifted until it stands out. */
export function accentTokens(hex: string, theme: "light" | "dark"): AccentTokens | null {
  const rgb = parseHex(hex);
  if (!rgb) return null;
  const white: Rgb = [255, 255, 255];
  const black: Rgb = [0, 0, 0];
  if (theme === "light") {
    let base = rgb;
    // A very light accent would vanish on a white surface: darken it until it keeps 2:1.
    for (let i = 0; i < 10 && contrast(toHex(base), LIGHT_BG) < 2; i++) base = mix(base, black, 0.12);
    base = withReadableText(base);
    const accent = toHex(base);
    return {
      accent,
      hover: toHex(mix(base, black, 0.14)),
      fg: readableOn(accent),
      soft: toHex(mix(base, white, 0.88)),
      ring: toHex(mix(base, white, 0.15)),
    };
  }
  let base = rgb;
  for (let i = 0; i < 10 && contrast(toHex(base), DARK_BG) < 4; i++) base = mix(base, white, 0.15);
  base = withReadableText(base);
  const accent = toHex(base);
  const dark = parseHex(DARK_BG) as Rgb;
  return {
    accent,
    hover: toHex(mix(base, white, 0.18)),
    fg: readableOn(accent),
    soft: toHex(mix(dark, base, 0.2)),
    ring: toHex(mix(base, white, 0.18)),
  };
}

/** A style sheet overriding the accent tokens, or "" for the built-in accent (its tuned values stay). */
export function accentCss(hex: string): string {
  if (hex.toLowerCase() === DEFAULT_ACCENT) return "";
  const light = accentTokens(hex, "light");
  const dark = accentTokens(hex, "dark");
  if (!light || !dark) return "";
  const pair = (k: keyof AccentTokens) => `light-dark(${light[k]}, ${dark[k]})`;
  return `:root{--wd-accent:${pair("accent")};--wd-accent-hover:${pair("hover")};--wd-accent-fg:${pair("fg")};--wd-accent-soft:${pair("soft")};--wd-ring:${pair("ring")}}`;
}
