import type { auth as en } from "../en/auth.ts";
import type { Translation } from "../locales.ts";

export const auth: Translation<typeof en, "de"> = {
  "auth.email": "E-Mail",
  "auth.username": "Benutzername",
  "auth.password": "Passwort",
  "auth.passwordConfirm": "Passwort bestätigen",

  "auth.signIn.title": "Anmelden",
  "auth.signIn.subtitle": "Willkommen zurück. Melde dich bei {instance} an.",
  "auth.signIn.submit": "Anmelden",
  "auth.signIn.failed": "E-Mail und Passwort passen zu keinem aktiven Konto.",

  "auth.signIn.forgot": "Passwort vergessen?",
  "auth.signIn.locked": "Zu viele Versuche. Bitte versuche es später erneut.",
  "auth.mfa.title": "Zwei-Faktor-Authentifizierung",
  "auth.mfa.subtitle": "Gib den 6-stelligen Code aus deiner Authenticator-App ein.",
  "auth.mfa.recoverySubtitle": "Gib einen deiner Wiederherstellungscodes ein. Jeder Code funktioniert nur einmal.",
  "auth.mfa.code": "Bestätigungscode",
  "auth.mfa.recoveryCode": "Wiederherstellungscode",
  "auth.mfa.invalid": "Der Code stimmt nicht. Versuche es mit dem aktuellen Code.",
  "auth.mfa.recoveryInvalid":
    "Dieser Wiederherstellungscode stimmt nicht oder wurde schon benutzt. Jeder Code gilt nur einmal: Versuche einen anderen.",
  "auth.mfa.verify": "Bestätigen",
  "auth.mfa.useRecovery": "Wiederherstellungscode verwenden",
  "auth.mfa.useApp": "Code aus der App verwenden",
  "auth.mfa.back": "Zurück zur Anmeldung",

  "auth.changePassword.title": "Neues Passwort festlegen",
  "auth.changePassword.subtitle": "Du musst dein Passwort ändern, bevor du weitermachen kannst.",
  "auth.changePassword.current": "Aktuelles Passwort",
  "auth.changePassword.new": "Neues Passwort",
  "auth.changePassword.confirm": "Neues Passwort wiederholen",
  "auth.changePassword.wrong": "Das aktuelle Passwort stimmt nicht.",
  "auth.changePassword.same": "Wähle ein anderes Passwort als das aktuelle.",
  "auth.changePassword.submit": "Speichern und weiter",
  "auth.changePassword.signOut": "Abmelden",

  "auth.signUp.title": "Konto anlegen",
  "auth.signUp.subtitle": "Tritt {instance} bei. Dein Team kann dich danach zu Projekten hinzufügen.",
  "auth.signUp.submit": "Konto anlegen",
  "auth.signUp.done": "Willkommen! Dein Konto ist bereit.",
  "auth.signUp.off": "Auf dieser Instanz kann man sich nicht selbst registrieren. Frag einen Administrator nach einem Konto.",
  "auth.signUp.rateLimited": "Zu viele Registrierungen aus deinem Netzwerk. Versuch es später noch einmal.",
  "auth.signUp.link": "Noch kein Konto? Jetzt anlegen",
  "auth.signUp.haveAccount": "Schon ein Konto? Anmelden",

  "auth.setup.title": "{instance} einrichten",
  "auth.setup.subtitle": "Lege das erste Konto an. Es wird Administrator dieser Instanz.",
  "auth.setup.submit": "Administrator anlegen",
  "auth.setup.done": "Einrichtung abgeschlossen. Willkommen!",
  "auth.setup.alreadyDone": "Diese Instanz ist bereits eingerichtet. Bitte melde dich an.",
  "auth.setup.step": "Ersteinrichtung",

  "auth.hint.username": "Für dein Team sichtbar. Buchstaben, Ziffern, Punkte, Binde- und Unterstriche.",
  "auth.hint.password": "Mindestens {min} Zeichen.",
  "auth.error.email": "Gib eine gültige E-Mail-Adresse ein.",
  "auth.error.username":
    "2–32 Zeichen: Buchstaben, Ziffern, Punkte, Binde- und Unterstriche, beginnend mit Buchstabe oder Ziffer.",
  "auth.error.password": "Verwende mindestens {min} Zeichen.",
  "auth.error.passwordMismatch": "Die Passwörter stimmen nicht überein.",
  "auth.error.required": "Pflichtfeld.",
  "auth.error.taken": "Bereits vergeben.",
} as const;
