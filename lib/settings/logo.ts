// The instance logo: an uploaded PNG, JPEG or WebP (checked by its bytes, never by the client's
// header), stored under DATA_DIR/branding with a random name, served publicly because the sign-in
// page shows it.
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { type Actor, requireAdmin } from "../auth/actor.ts";
import { invalidate } from "../cache/invalidation.ts";
import { getDb } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { readBodyCapped } from "../http/body.ts";
import { readImage, removeImage, storeImage } from "../uploads/images.ts";
import { getSetting, getSettings, type PublicSettings, publicSettings } from "./settings.ts";

export const MAX_LOGO_BYTES = 1024 * 1024;

async function storeLogoName(name: string) {
  await getDb().systemSetting.upsert({ where: { key: "logo" }, create: { key: "logo", value: name }, update: { value: name } });
  invalidate("settings");
}

/** Reads the `file` field of a multipart upload and makes it the logo (system admins only). */
export async function uploadLogo(actor: Actor, req: Request, meta?: RequestMeta): Promise<PublicSettings> {
  requireAdmin(actor);
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the logo as multipart/form-data, field `file`.");
  }
  // The whole form is read with a cap (the file plus room for the multipart framing), then parsed.
  const body = await readBodyCapped(
    req,
    MAX_LOGO_BYTES + 64 * 1024,
    () => new AppError("payload_too_large", "The logo may be at most 1 MB."),
  );
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("validation", "The upload could not be read.");
  }
  const file = form.get("file");
  if (!file || typeof file === "string") {
    throw new AppError("validation", "Send the image in the field `file`.", { fields: [{ path: "file", message: "required" }] });
  }
  if (file.size > MAX_LOGO_BYTES) throw new AppError("payload_too_large", "The logo may be at most 1 MB.");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = await storeImage("branding", bytes, "The logo must be a PNG, JPEG or WebP image.", 0o644);
  const previous = await getSetting("logo");
  await storeLogoName(name);
  await removeImage("branding", previous);
  await recordAudit({ actor, action: "settings.updated", resourceType: "settings", details: { logo: "(uploaded)" }, meta });
  return publicSettings(await getSettings());
}

export async function removeLogo(actor: Actor, meta?: RequestMeta): Promise<PublicSettings> {
  requireAdmin(actor);
  const previous = await getSetting("logo");
  if (previous) {
    await storeLogoName("");
    await removeImage("branding", previous);
    await recordAudit({ actor, action: "settings.updated", resourceType: "settings", details: { logo: "(removed)" }, meta });
  }
  return publicSettings(await getSettings());
}

/** The current logo's bytes and type, or null when none is set (or its file is gone). */
export async function readLogo() {
  return readImage("branding", await getSetting("logo"));
}

/** The public URL of the logo, versioned by its name so a new upload is fetched at once. */
export const logoUrl = (name: string) => (name ? `/api/branding/logo?v=${name.slice(0, 12)}` : null);
