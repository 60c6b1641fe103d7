import type { account as en } from "../en/account.ts";
import type { Translation } from "../locales.ts";

export const account: Translation<typeof en, "de"> = {
  "account.title": "Konto",

  "account.mfa.statusOn": "An",
  "account.mfa.statusOff": "Aus",
  "account.mfa.offBody":
    "Schütze dein Konto zusätzlich zum Passwort mit einem Code aus einer Authenticator-App (z. B. 1Password, Google Authenticator oder Aegis).",
  "account.mfa.onBody": "Nach dem Passwort wirst du nach einem Code aus deiner Authenticator-App gefragt.",
  "account.mfa.codesLeft": {
    one: "Noch {count} von 10 Wiederherstellungscodes.",
    other: "Noch {count} von 10 Wiederherstellungscodes.",
  },
  "account.mfa.codesLow": {
    one: "Nur noch {count} Wiederherstellungscode. Erzeuge neue, damit du dich nicht aussperrst.",
    other: "Nur noch {count} Wiederherstellungscodes. Erzeuge neue, damit du dich nicht aussperrst.",
  },
  "account.mfa.enable": "Einschalten",
  "account.mfa.disable": "Ausschalten",
  "account.mfa.regenerate": "Neue Wiederherstellungscodes",

  "account.mfa.setup.title": "Zwei-Faktor-Authentifizierung einrichten",
  "account.mfa.setup.scan": "1. Scanne diesen QR-Code mit deiner Authenticator-App.",
  "account.mfa.setup.qrAlt": "QR-Code für deine Authenticator-App",
  "account.mfa.setup.manual": "Scannen geht nicht? Gib stattdessen diesen Schlüssel in der App ein:",
  "account.mfa.setup.manualLabel": "Einrichtungsschlüssel",
  "account.mfa.setup.enterCode": "2. Gib den 6-stelligen Code ein, den die App anzeigt.",
  "account.mfa.setup.code": "Code aus der App",
  "account.mfa.setup.confirm": "Einschalten",
  "account.mfa.setup.invalid": "Der Code stimmt nicht. Prüfe die Uhrzeit deines Geräts und versuche den aktuellen Code.",
  "account.mfa.setup.loading": "Wird vorbereitet …",

  "account.mfa.codes.title": "Wiederherstellungscodes sichern",
  "account.mfa.codes.body":
    "Falls du dein Gerät verlierst, meldet dich jeder dieser Codes einmal an, statt eines Codes aus der App. Sie werden nur jetzt angezeigt: Bewahre sie sicher auf, etwa in einem Passwortmanager.",
  "account.mfa.codes.listLabel": "Wiederherstellungscodes",
  "account.mfa.codes.copy": "Kopieren",
  "account.mfa.codes.copied": "Wiederherstellungscodes kopiert.",
  "account.mfa.codes.download": "Herunterladen",
  "account.mfa.codes.fileHeader": "Wiederherstellungscodes für {instance} ({date}). Jeder Code funktioniert einmal.",
  "account.mfa.codes.done": "Ich habe sie gesichert",
  "account.mfa.enabled": "Die Zwei-Faktor-Authentifizierung ist eingeschaltet.",

  "account.mfa.disableTitle": "Zwei-Faktor-Authentifizierung ausschalten",
  "account.mfa.disableBody":
    "Dein Konto ist dann nur noch durch dein Passwort geschützt. Bestätige mit deinem Passwort oder einem Code aus der App.",
  "account.mfa.regenerateTitle": "Neue Wiederherstellungscodes",
  "account.mfa.regenerateBody":
    "Deine bisherigen Wiederherstellungscodes funktionieren dann nicht mehr. Bestätige mit deinem Passwort oder einem Code aus der App.",
  "account.mfa.proofPassword": "Aktuelles Passwort",
  "account.mfa.proofCode": "Oder ein Code aus der App",
  "account.mfa.proofMissing": "Gib dein Passwort oder einen Code ein.",
  "account.mfa.proofWrong": "Passwort oder Code stimmen nicht.",
  "account.mfa.disabled": "Die Zwei-Faktor-Authentifizierung ist ausgeschaltet.",
};
