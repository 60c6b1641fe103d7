// Outgoing email. The transport is built from the system settings at send time, so a changed SMTP
// setting applies to the very next email on every instance. The password never leaves this module:
// it is not logged and not part of any error we pass on.
import nodemailer from "nodemailer";
import { AppError } from "../errors.ts";
import { getSettings, isSmtpConfigured, type Settings } from "../settings/settings.ts";

export type Mail = { to: string; subject: string; text: string; html: string };

/** What the SMTP server answered: its response line when it accepted, the error when it did not. */
export type SendResult =
  | { ok: true; response: string; messageId: string; accepted: string[]; rejected: string[] }
  | { ok: false; code: string | null; responseCode: number | null; response: string | null; message: string };

export const EMAIL_NOT_CONFIGURED = "Email is not configured; ask an administrator.";

const TIMEOUT_MS = 15_000;

function transportFor(s: Settings) {
  return nodemailer.createTransport({
    host: s.smtp_host,
    port: s.smtp_port,
    // `tls`: implicit TLS from the first byte (465). `starttls`: upgrade when the server offers it.
    // `none`: plain text, for a relay on a trusted network only.
    secure: s.smtp_tls === "tls",
    ignoreTLS: s.smtp_tls === "none",
    auth: s.smtp_user ? { user: s.smtp_user, pass: s.smtp_password } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    logger: false,
    debug: false,
  });
}

/** Sends one email with the current settings. Throws a 400 when SMTP is not configured; a refusal
 * or connection error of the server is returned (not thrown) so callers can show it. */
export async function sendMail(mail: Mail, settings?: Settings): Promise<SendResult> {
  const s = settings ?? (await getSettings());
  if (!isSmtpConfigured(s)) throw new AppError("validation", EMAIL_NOT_CONFIGURED);
  const transport = transportFor(s);
  try {
    const info = await transport.sendMail({
      from: s.smtp_from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    return {
      ok: true,
      response: String(info.response ?? ""),
      messageId: String(info.messageId ?? ""),
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
    };
  } catch (e) {
    const err = e as { code?: string; responseCode?: number; response?: string; message?: string };
    return {
      ok: false,
      code: err.code ?? null,
      responseCode: err.responseCode ?? null,
      response: err.response ? redact(String(err.response), s) : null,
      message: redact(String(err.message ?? "Sending failed"), s),
    };
  } finally {
    transport.close();
  }
}

/** Belt and braces: a server that echoes the credentials back must not make us show them. */
function redact(text: string, s: Settings): string {
  if (!s.smtp_password) return text;
  const b64 = Buffer.from(s.smtp_password).toString("base64");
  return text.split(s.smtp_password).join("****").split(b64).join("****");
}
