// Marks the query's words in a text: plain text plus [start, end) ranges, never HTML, so the page
// renders <mark> elements itself and a stored "<script>" stays text. The same rule as the engines'
// matching: a word that starts with a query term (prefix match, case- and accent-insensitive).

export type Highlighted = { text: string; marks: [number, number][] };

const WORD = /[\p{L}\p{N}]+/gu;

/** The query's words, lower-cased, at most 8, each at most 64 characters. */
export function queryTerms(query: string): string[] {
  const terms = (query.normalize("NFC").match(WORD) ?? []).map((t) => t.toLowerCase().slice(0, 64));
  return [...new Set(terms)].slice(0, 8);
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** Ranges of the words in `text` that start with one of the terms. */
export function markRanges(text: string, terms: string[]): [number, number][] {
  if (terms.length === 0) return [];
  const folded = terms.map(fold);
  const marks: [number, number][] = [];
  for (const m of text.matchAll(WORD)) {
    const word = fold(m[0]);
    const term = folded.filter((t) => word.startsWith(t)).sort((a, b) => b.length - a.length)[0];
    if (!term) continue;
    const start = m.index ?? 0;
    // The prefix's length in the original (accents fold away, so count original characters).
    let end = start;
    while (end < start + m[0].length && fold(text.slice(start, end)).length < term.length) end++;
    marks.push([start, Math.max(end, start + 1)]);
  }
  return marks;
}

/** The whole (short) text with its marks. */
export function highlight(text: string, terms: string[]): Highlighted {
  return { text, marks: markRanges(text, terms) };
}

/**
 * An excerpt of about `length` characters around the first match (the start of the text when
 * nothing matches), whitespace collapsed, with an ellipsis where it was cut.
 */
export function snippet(raw: string, terms: string[], length = 180): Highlighted {
  const text = raw.replace(/\s+/g, " ").trim();
  const all = markRanges(text, terms);
  if (text.length <= length) return { text, marks: all };
  const first = all[0]?.[0] ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space !== -1 && space < first) start = space + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > first) end = space;
  }
  const prefix = start > 0 ? "…" : "";
  const suffix = end < text.length ? "…" : "";
  const shift = prefix.length - start;
  const marks = all.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift] as [number, number]);
  return { text: `${prefix}${text.slice(start, end)}${suffix}`, marks };
}
