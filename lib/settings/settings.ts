// System settings: key/value rows in `system_settings`, read on every request (session idle time,
// API rate limit, branding). A web process keeps them in memory while its invalidation feed is
// connected (lib/cache/invalidation.ts), and every change calls `invalidate("settings")`, so that a
// change still applies at once on every instance, without a restart. Each key has a zod type and a default;
// a stored value that no longer parses falls back to the default rather than breaking pages.
// The SMTP password is stored sealed (secret-box) and is never returned by `publicSettings`.
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { type Actor, requireAdmin } from "../auth/actor.ts";
import { openSecret, sealSecret } from "../auth/secret-box.ts";
import { cachedValue, invalidate, isCaching } from "../cache/invalidation.ts";
import { getDb, Prisma } from "../db/client.ts";
import { rows, run } from "../db/direct.ts";
import { parseInput } from "../errors.ts";
import { LANGUAGES } from "../i18n/locales.ts";
import { STORED_IMAGE_NAME } from "../uploads/images.ts";

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
// `user@example.com` or `Name <user@example.com>`, or empty while email is not set up.
const FROM_ADDRESS = /^(|[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+|[^<>]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>)$/;
const HOST = /^(|[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?|\[[0-9a-fA-F:.]+\])$/;

export const SETTING_TYPES = {
  instance_name: z.string().trim().min(1).max(64),
  accent_color: z.string().regex(HEX_COLOR, "a colour like #c2481d"),
  /** Stored file name of the uploaded logo under DATA_DIR/branding, or "" for none. Only the logo
   * routes write it (a random name they chose), so it can never point outside that directory. */
  logo: z.union([z.literal(""), z.string().regex(STORED_IMAGE_NAME, "a stored logo name")]),
  default_language: z.enum(LANGUAGES),
  /** Sessions unused for longer than this are signed out. */
  session_idle_minutes: z.coerce
    .number()
    .int()
    .min(5)
    .max(60 * 24 * 90),
  max_upload_mb: z.coerce.number().int().min(1).max(2048),
  allow_signup: z.coerce.boolean(),
  /** Failed sign-ins (per account, and per IP ×4) before a lock. */
  lockout_threshold: z.coerce.number().int().min(3).max(100),
  lockout_minutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  audit_retention_days: z.coerce.number().int().min(1).max(3650),
  smtp_host: z.string().trim().max(191).regex(HOST, "a host name or IP address"),
  smtp_port: z.coerce.number().int().min(1).max(65535),
  smtp_user: z.string().trim().max(191),
  smtp_from: z.string().trim().max(191).regex(FROM_ADDRESS, "an address like WarmDesk <desk@example.com>"),
  /** `starttls` (upgrade if offered, port 587), `tls` (implicit TLS, port 465), `none`. */
  smtp_tls: z.enum(["starttls", "tls", "none"]),
  /** Time entries dated more than this many days ago can only be changed by admins; 0 = no lock. */
  time_lock_days: z.coerce.number().int().min(0).max(3650),
  /** Requests per minute one API key may make (browser sessions are not limited). */
  api_rate_limit_per_minute: z.coerce.number().int().min(1).max(1_000_000),
  /** ISO 4217 code for new customers and for people's own rates. */
  default_currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code like EUR"),
  /** Outbound webhooks may reach loopback, private and link-local addresses (for a LAN or tests). */
  webhooks_allow_private: z.coerce.boolean(),
} as const;

export type SettingKey = keyof typeof SETTING_TYPES | "smtp_password";
export type Settings = { [K in keyof typeof SETTING_TYPES]: z.infer<(typeof SETTING_TYPES)[K]> } & {
  /** The SMTP password in clear, for the mailer only; never send it to a browser. */
  smtp_password: string;
};

export const DEFAULT_SETTINGS: Settings = {
  instance_name: "WarmDesk",
  accent_color: "#c2481d",
  logo: "",
  default_language: "en",
  session_idle_minutes: 7 * 24 * 60,
  max_upload_mb: 25,
  allow_signup: false,
  lockout_threshold: 5,
  lockout_minutes: 15,
  audit_retention_days: 365,
  smtp_host: "",
  smtp_port: 587,
  smtp_user: "",
  smtp_from: "",
  smtp_tls: "starttls",
  time_lock_days: 0,
  api_rate_limit_per_minute: 600,
  default_currency: "EUR",
  webhooks_allow_private: false,
  smtp_password: "",
};

const BOOLEAN_SETTINGS = new Set(["allow_signup", "webhooks_allow_private"]);

/** A stored value as its setting's type, or undefined when the key is unknown or the value no longer parses. */
function parseSetting(key: string, value: string): unknown {
  if (key === "smtp_password") return openSecret("smtp", value) ?? "";
  const type = SETTING_TYPES[key as keyof typeof SETTING_TYPES];
  if (!type) return undefined;
  const parsed = type.safeParse(BOOLEAN_SETTINGS.has(key) ? value === "true" : value);
  return parsed.success ? parsed.data : undefined;
}

async function loadSettings(): Promise<Settings> {
  const stored = await run(() => rows<{ key: string; value: string }>(Prisma.sql`SELECT s.key, s.value FROM system_settings s`));
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const { key, value } of stored) {
    const parsed = parseSetting(key, value);
    if (parsed !== undefined) settings[key] = parsed;
  }
  return Object.freeze(settings) as Settings;
}

const cachedSettings = cachedValue("settings", loadSettings);

/** Every setting: from this process's cache, or read now. */
export async function getSettings(): Promise<Settings> {
  return { ...(await cachedSettings()) };
}

/** One setting (this runs on every request, e.g. the session idle timeout): cached, or one row read now. */
export async function getSetting<K extends keyof Settings>(key: K): Promise<Settings[K]> {
  if (isCaching()) return (await cachedSettings())[key];
  const [row] = await run(() => rows<{ value: string }>(Prisma.sql`SELECT s.value FROM system_settings s WHERE s.key = ${key}`));
  const parsed = row ? parseSetting(key, row.value) : undefined;
  return (parsed === undefined ? DEFAULT_SETTINGS[key] : parsed) as Settings[K];
}

export type PublicSettings = Omit<Settings, "smtp_password"> & { smtp_password_set: boolean; smtp_configured: boolean };

/** What the admin settings page and the API show: everything but the SMTP password. */
export function publicSettings(settings: Settings): PublicSettings {
  const { smtp_password, ...rest } = settings;
  return { ...rest, smtp_password_set: smtp_password !== "", smtp_configured: isSmtpConfigured(settings) };
}

export const isSmtpConfigured = (s: Settings) => s.smtp_host !== "" && s.smtp_from !== "";

export const ZSettingsPatch = z
  .object({
    ...Object.fromEntries(Object.entries(SETTING_TYPES).map(([k, t]) => [k, t.optional()])),
    allow_signup: z.boolean().optional(),
    webhooks_allow_private: z.boolean().optional(),
    // The logo changes only through its upload and remove routes.
    logo: z.never().optional(),
    // A string sets the password, null or "" clears it; leaving it out keeps it.
    smtp_password: z.string().max(500).nullish(),
  })
  .strict();

/** Changes settings (system admins only); answers the new public settings. Audited, without values of secrets. */
export async function updateSettings(actor: Actor, input: unknown, meta?: RequestMeta): Promise<PublicSettings> {
  requireAdmin(actor);
  const patch = parseInput(ZSettingsPatch, input) as Partial<Record<SettingKey, unknown>>;
  const before = await getSettings();
  const changed: string[] = [];
  const db = getDb();
  await db.$transaction(async (tx) => {
    for (const [key, value] of Object.entries(patch) as [SettingKey, unknown][]) {
      if (value === undefined) continue;
      if (key === "smtp_password") {
        if (!value) await tx.systemSetting.deleteMany({ where: { key } });
        else
          await tx.systemSetting.upsert({
            where: { key },
            create: { key, value: sealSecret("smtp", String(value)) },
            update: { value: sealSecret("smtp", String(value)) },
          });
        changed.push(key);
        continue;
      }
      if (before[key] === value) continue;
      const stored = String(value);
      await tx.systemSetting.upsert({ where: { key }, create: { key, value: stored }, update: { value: stored } });
      changed.push(key);
    }
  });
  if (changed.length) {
    invalidate("settings");
    const shown = Object.fromEntries(changed.map((k) => [k, k === "smtp_password" ? "(changed)" : patch[k as SettingKey]]));
    await recordAudit({ actor, action: "settings.updated", resourceType: "settings", details: shown, meta });
  }
  return publicSettings(await getSettings());
}

/** The settings as the admin page and GET /api/v1/admin/settings show them (system admins only). */
export async function readSettings(actor: Actor): Promise<PublicSettings> {
  requireAdmin(actor);
  return publicSettings(await getSettings());
}
