// "Send test email" on the settings page: sends with the saved settings and reports what the SMTP
// server answered, so an administrator can tell a wrong password from a blocked port.
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { type Actor, requireAdmin } from "../auth/actor.ts";
import { getDb } from "../db/client.ts";
import { parseInput } from "../errors.ts";
import { getSettings } from "../settings/settings.ts";
import { type SendResult, sendMail } from "./mailer.ts";
import { testEmail } from "./templates.ts";

export const ZTestEmail = z
  .object({ to: z.string().trim().toLowerCase().email().max(191).optional().describe("Defaults to your own email") })
  .strict();

export async function sendTestEmail(actor: Actor, input: unknown, meta?: RequestMeta): Promise<SendResult & { to: string }> {
  requireAdmin(actor);
  const data = parseInput(ZTestEmail, input);
  const me = await getDb().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, language: true } });
  const to = data.to ?? me.email;
  const settings = await getSettings();
  const mail = testEmail(me.language, { instanceName: settings.instance_name, accentColor: settings.accent_color });
  const result = await sendMail({ to, ...mail }, settings);
  await recordAudit({
    actor,
    action: "settings.test_email",
    resourceType: "settings",
    details: { to, ok: result.ok, ...(result.ok ? { response: result.response } : { error: result.code ?? result.message }) },
    meta,
  });
  return { ...result, to };
}
