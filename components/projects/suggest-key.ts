/**
 * A card-number prefix from a project name: initials of several words ("Website Relaunch" → "WR"),
 * else the start of one word ("Acme" → "ACME"). Always 2–10 of A–Z/0–9 starting with a letter, or
 * "" for a name without letters (the user then types one).
 */
export function suggestKey(name: string): string {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const lettered = words.filter((w) => /^[A-Z]/.test(w));
  if (lettered.length === 0) return "";
  let key =
    lettered.length >= 2
      ? words
          .map((w) => w[0])
          .join("")
          .replace(/^[0-9]+/, "")
          .slice(0, 4)
      : lettered[0].slice(0, 4);
  if (key.length < 2) key = lettered.join("").slice(0, 3);
  return key.length >= 2 ? key : `${key}1`;
}
