// Card keys in free text: `PRJ-42` mentions a card; `fixes PRJ-42` (closes, resolves, and their
// other forms) asks for it to be done.
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Numbers of this project's cards mentioned in the text (key case-insensitive), in order, once each. */
export function mentionedCards(projectKey: string, text: string): number[] {
  const re = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(projectKey)}-(\\d{1,9})(?![0-9A-Za-z])`, "gi");
  return [...new Set([...text.matchAll(re)].map((m) => Number(m[1])))];
}

/** Numbers of this project's cards that the text says it fixes, closes or resolves. */
export function fixedCards(projectKey: string, text: string): number[] {
  const re = new RegExp(
    `\\b(?:fix(?:e[sd])?|close[sd]?|resolve[sd]?)\\s*:?\\s+${escapeRegExp(projectKey)}-(\\d{1,9})(?![0-9A-Za-z])`,
    "gi",
  );
  return [...new Set([...text.matchAll(re)].map((m) => Number(m[1])))];
}
