// A user's own UI preferences (language, theme). Only the user changes them, for themselves.
import { z } from "zod";
import { type Actor, requireBrowser } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";
import { parseInput } from "../errors.ts";
import { LANGUAGES } from "../i18n/locales.ts";
import { isTheme, THEMES, type Theme } from "./theme.ts";

export { isTheme, THEMES, type Theme };

export const ZPreferences = z
  .object({ language: z.enum(LANGUAGES).optional(), theme: z.enum(THEMES).optional() })
  .strict()
  .refine((p) => p.language !== undefined || p.theme !== undefined, "nothing to change");
export type TPreferences = z.input<typeof ZPreferences>;

export async function getPreferences(userId: number): Promise<{ language: string; theme: Theme }> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { language: true, theme: true } });
  return { language: user?.language ?? "en", theme: isTheme(user?.theme) ? user.theme : "system" };
}

export async function updatePreferences(actor: Actor, input: TPreferences) {
  const data = parseInput(ZPreferences, input);
  // Preferences belong to a person; a script with an API key has no UI to prefer anything for.
  requireBrowser(actor, "Preferences");
  const user = await getDb().user.update({ where: { id: actor.userId }, data, select: { language: true, theme: true } });
  return { language: user.language, theme: isTheme(user.theme) ? user.theme : "system" };
}
