export const chat = {
  "notifications.mail.open": "Open in {instance}",
  "notifications.mail.footer": "You can change which emails you get on your profile page.",
  "notifications.mail.digestSubject": "{count} new notifications in {instance}",
  "notifications.title.mentionChat": "{user} mentioned you in the {project} chat",
  "notifications.title.mentionGroup": "{user} mentioned you in {name}",
  "notifications.title.dm": "New message from {user}",
  "notifications.title.assigned": "{user} assigned you to {key}",
  "notifications.title.comment": "{user} commented on {key}",
};
