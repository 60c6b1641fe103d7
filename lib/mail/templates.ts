// The emails WarmDesk sends: plain text plus a simple HTML version, in the recipient's language,
// carrying the instance name and accent colour.
import { isLanguage, type MessageKey, translate } from "../i18n/index.ts";
import { readableOn } from "../settings/colors.ts";

export type Branding = { instanceName: string; accentColor: string };
export type Rendered = { subject: string; text: string; html: string };

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

export function layout(brand: Branding, body: string): string {
  const accent = /^#[0-9a-fA-F]{6}$/.test(brand.accentColor) ? brand.accentColor : "#c2481d";
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
<body style="margin:0;padding:24px;background:#f7f6f4;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1d1b19">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:520px;background:#ffffff;border:1px solid #e3dfda;border-radius:10px">
<tr><td style="border-top:4px solid ${accent};border-radius:10px 10px 0 0;padding:20px 24px 0;font-weight:600;font-size:16px">${escapeHtml(brand.instanceName)}</td></tr>
<tr><td style="padding:12px 24px 24px;font-size:14px;line-height:1.5">${body}</td></tr>
</table></td></tr></table></body></html>`;
}

export function button(brand: Branding, href: string, label: string): string {
  const fg = readableOn(brand.accentColor);
  return `<p style="margin:20px 0"><a href="${escapeHtml(href)}" style="display:inline-block;background:${brand.accentColor};color:${fg};text-decoration:none;padding:10px 16px;border-radius:6px;font-weight:600">${escapeHtml(label)}</a></p>`;
}

const lang = (language: string) => (isLanguage(language) ? language : "en");

export function testEmail(language: string, brand: Branding): Rendered {
  const l = lang(language);
  const t = (key: MessageKey) => translate(l, key, { instance: brand.instanceName });
  const subject = t("system.mail.test.subject");
  const body = t("system.mail.test.body");
  return {
    subject,
    text: `${brand.instanceName}\n\n${body}\n`,
    html: layout(brand, `<p style="margin:0">${escapeHtml(body)}</p>`),
  };
}

export function passwordResetEmail(
  language: string,
  brand: Branding,
  vars: { username: string; link: string; minutes: number },
): Rendered {
  const l = lang(language);
  const t = (key: MessageKey) =>
    translate(l, key, { instance: brand.instanceName, username: vars.username, minutes: vars.minutes });
  const subject = t("system.mail.reset.subject");
  const greeting = t("system.mail.reset.greeting");
  const intro = t("system.mail.reset.intro");
  const expiry = t("system.mail.reset.expiry");
  const ignore = t("system.mail.reset.ignore");
  return {
    subject,
    text: `${greeting}\n\n${intro}\n\n${vars.link}\n\n${expiry}\n${ignore}\n\n${brand.instanceName}\n`,
    html: layout(
      brand,
      `<p style="margin:0 0 12px">${escapeHtml(greeting)}</p><p style="margin:0">${escapeHtml(intro)}</p>${button(brand, vars.link, t("system.mail.reset.button"))}<p style="margin:0 0 8px;color:#6b6560;font-size:13px;word-break:break-all">${escapeHtml(vars.link)}</p><p style="margin:0;color:#6b6560;font-size:13px">${escapeHtml(expiry)} ${escapeHtml(ignore)}</p>`,
    ),
  };
}
