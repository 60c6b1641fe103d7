import type { common as en } from "../en/common.ts";
import type { Translation } from "../locales.ts";

export const common: Translation<typeof en, "de"> = {
  "app.name": "WarmDesk",
  "app.tagline": "Boards, Chat und Zeiterfassung für Teams, die für Kunden arbeiten.",

  "common.close": "Schließen",
  "common.cancel": "Abbrechen",
  "common.save": "Speichern",
  "common.create": "Erstellen",
  "common.delete": "Löschen",
  "common.edit": "Bearbeiten",
  "common.loading": "Wird geladen …",
  "common.search": "Suchen",
  "common.notifications": "Benachrichtigungen",
  "common.optional": "optional",
  "common.error.generic": "Etwas ist schiefgelaufen. Bitte versuche es noch einmal.",
  "common.error.network": "Der Server ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.",
  "common.saved": "Gespeichert",
  "common.comingSoon": "Demnächst",

  "shell.skipToContent": "Zum Inhalt springen",
  "shell.mainNav": "Hauptnavigation",
  "shell.home": "WarmDesk Startseite",
  "nav.projects": "Projekte",
  "nav.chat": "Chat",
  "nav.time": "Zeiten",
  "nav.admin": "Verwaltung",

  "user.menu": "Kontomenü für {username}",
  "user.signedInAs": "Angemeldet als",
  "user.role.admin": "Administrator",
  "user.language": "Sprache",
  "user.theme": "Darstellung",
  "user.signOut": "Abmelden",
  "language.en": "English",
  "language.de": "Deutsch",
  "theme.light": "Hell",
  "theme.dark": "Dunkel",
  "theme.system": "System",

  "placeholder.chat.title": "Chat",
  "placeholder.chat.body": "Projektkanäle und Direktnachrichten kommen hierher – in Echtzeit.",
  "placeholder.admin.title": "Verwaltung",
  "placeholder.admin.body": "Hier werden Benutzer, Gruppen, Kunden und Einstellungen der Instanz verwaltet.",
  "placeholder.back": "Zurück zu den Projekten",

  "notFound.title": "Nicht gefunden",
  "notFound.body": "Diese Seite gibt es nicht, oder du hast keinen Zugriff darauf.",
} as const;
