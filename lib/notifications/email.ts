// Notification emails: one at a time (immediate) or a daily digest, in the recipient's language,
// with the instance name and accent colour.
import { isLanguage, type MessageKey, translate } from "../i18n/index.ts";
import { type Branding, button, escapeHtml, layout, type Rendered } from "../mail/templates.ts";

type Item = { title: string; text: string; link: string };

export function notificationEmail(language: string, brand: Branding, item: Item): Rendered {
  const l = isLanguage(language) ? language : "en";
  const t = (key: MessageKey) => translate(l, key, { instance: brand.instanceName });
  const subject = `${item.title} · ${brand.instanceName}`;
  return {
    subject,
    text: `${item.title}\n\n${item.text}\n\n${item.link}\n\n${t("notifications.mail.footer")}\n`,
    html: layout(
      brand,
      `<p style="margin:0 0 8px;font-weight:600">${escapeHtml(item.title)}</p><p style="margin:0;white-space:pre-wrap">${escapeHtml(item.text)}</p>${button(brand, item.link, t("notifications.mail.open"))}<p style="margin:0;color:#6b6560;font-size:13px">${escapeHtml(t("notifications.mail.footer"))}</p>`,
    ),
  };
}

export function digestEmail(language: string, brand: Branding, items: Item[]): Rendered {
  const l = isLanguage(language) ? language : "en";
  const t = (key: MessageKey) => translate(l, key, { instance: brand.instanceName, count: items.length });
  const subject = t("notifications.mail.digestSubject");
  return {
    subject,
    text: `${subject}\n\n${items.map((i) => `- ${i.title}: ${i.text}\n  ${i.link}`).join("\n")}\n\n${t("notifications.mail.footer")}\n`,
    html: layout(
      brand,
      `<p style="margin:0 0 12px;font-weight:600">${escapeHtml(subject)}</p><ul style="margin:0;padding-left:18px">${items
        .map(
          (i) =>
            `<li style="margin:0 0 8px"><a href="${escapeHtml(i.link)}">${escapeHtml(i.title)}</a><br>${escapeHtml(i.text)}</li>`,
        )
        .join("")}</ul><p style="margin:12px 0 0;color:#6b6560;font-size:13px">${escapeHtml(t("notifications.mail.footer"))}</p>`,
    ),
  };
}
