import type { account as en } from "../en/account.ts";
import type { Translation } from "../locales.ts";

export const account: Translation<typeof en, "fr"> = {
  "account.title": "Compte",
  "account.mfa.statusOn": "Activée",
  "account.mfa.statusOff": "Désactivée",
  "account.mfa.offBody":
    "Protégez votre compte avec un code d’une application d’authentification (comme 1Password, Google Authenticator ou Aegis) en plus de votre mot de passe.",
  "account.mfa.onBody": "Un code de votre application d’authentification vous est demandé après votre mot de passe.",
  "account.mfa.codesLeft": {
    one: "Il vous reste {count} code de récupération sur 10.",
    many: "Il vous reste {count} de codes de récupération sur 10.",
    other: "Il vous reste {count} codes de récupération sur 10.",
  },
  "account.mfa.codesLow": {
    one: "Plus qu’{count} code de récupération. Générez-en de nouveaux pour ne pas perdre l’accès à votre compte.",
    many: "Plus que {count} de codes de récupération. Générez-en de nouveaux pour ne pas perdre l’accès à votre compte.",
    other: "Plus que {count} codes de récupération. Générez-en de nouveaux pour ne pas perdre l’accès à votre compte.",
  },
  "account.mfa.enable": "Activer",
  "account.mfa.disable": "Désactiver",
  "account.mfa.regenerate": "Nouveaux codes de récupération",
  "account.mfa.setup.title": "Configurer l’authentification à deux facteurs",
  "account.mfa.setup.scan": "1. Scannez ce QR code avec votre application d’authentification.",
  "account.mfa.setup.qrAlt": "QR code pour votre application d’authentification",
  "account.mfa.setup.manual": "Impossible de le scanner ? Saisissez plutôt cette clé dans l’application :",
  "account.mfa.setup.manualLabel": "Clé de configuration",
  "account.mfa.setup.enterCode": "2. Saisissez le code à 6 chiffres affiché par l’application.",
  "account.mfa.setup.code": "Code de l’application",
  "account.mfa.setup.confirm": "Activer",
  "account.mfa.setup.invalid":
    "Ce code est incorrect. Vérifiez que l’heure de votre appareil est exacte et saisissez le code actuel.",
  "account.mfa.setup.loading": "Préparation…",
  "account.mfa.codes.title": "Enregistrez vos codes de récupération",
  "account.mfa.codes.body":
    "Si vous perdez votre appareil, chacun de ces codes vous connecte une fois à la place d’un code de l’application. Ils ne sont affichés que maintenant : conservez-les en lieu sûr, par exemple dans un gestionnaire de mots de passe.",
  "account.mfa.codes.listLabel": "Codes de récupération",
  "account.mfa.codes.copy": "Copier",
  "account.mfa.codes.copied": "Codes de récupération copiés.",
  "account.mfa.codes.download": "Télécharger",
  "account.mfa.codes.fileHeader": "Codes de récupération pour {instance} ({date}). Chaque code ne fonctionne qu’une fois.",
  "account.mfa.codes.done": "Je les ai enregistrés",
  "account.mfa.enabled": "L’authentification à deux facteurs est activée.",
  "account.mfa.disableTitle": "Désactiver l’authentification à deux facteurs",
  "account.mfa.disableBody":
    "Votre compte ne sera plus protégé que par votre mot de passe. Confirmez avec votre mot de passe ou un code de l’application.",
  "account.mfa.regenerateTitle": "Nouveaux codes de récupération",
  "account.mfa.regenerateBody":
    "Vos codes de récupération actuels cesseront de fonctionner. Confirmez avec votre mot de passe ou un code de l’application.",
  "account.mfa.proofPassword": "Mot de passe actuel",
  "account.mfa.proofCode": "Ou un code de l’application",
  "account.mfa.proofMissing": "Saisissez votre mot de passe ou un code.",
  "account.mfa.proofWrong": "Ce mot de passe ou ce code est incorrect.",
  "account.mfa.disabled": "L’authentification à deux facteurs est désactivée.",
};
