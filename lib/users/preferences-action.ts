"use server";

// The server action behind the language and theme pickers (user menu, profile): it lives here, not
// in app/, so that components import it without reaching into the routes.
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/current.ts";
import { AppError } from "@/lib/errors.ts";
import { type TPreferences, updatePreferences } from "@/lib/users/preferences.ts";

/** Saves the signed-in user's language and/or theme. Returns `{ ok: false }` rather than throwing to the client. */
export async function savePreferences(input: TPreferences): Promise<{ ok: true } | { ok: false; code: string }> {
  const actor = await currentActor();
  if (!actor) return { ok: false, code: "unauthorized" };
  try {
    await updatePreferences(actor, input);
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code };
    throw e;
  }
  if (input.language) revalidatePath("/", "layout");
  return { ok: true };
}
