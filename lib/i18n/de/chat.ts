import type { chat as en } from "../en/chat.ts";

export const chat: Record<keyof typeof en, string> = {
  "notifications.mail.open": "In {instance} öffnen",
  "notifications.mail.footer": "Welche E-Mails du bekommst, stellst du auf deiner Profilseite ein.",
  "notifications.mail.digestSubject": "{count} neue Benachrichtigungen in {instance}",
  "notifications.title.mentionChat": "{user} hat dich im Chat von {project} erwähnt",
  "notifications.title.mentionGroup": "{user} hat dich in {name} erwähnt",
  "notifications.title.dm": "Neue Nachricht von {user}",
  "notifications.title.assigned": "{user} hat dir {key} zugewiesen",
  "notifications.title.comment": "{user} hat {key} kommentiert",
};
