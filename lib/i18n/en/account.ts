export const account = {
  "account.title": "Account",

  "account.mfa.statusOn": "On",
  "account.mfa.statusOff": "Off",
  "account.mfa.offBody":
    "Protect your account with a code from an authenticator app (such as 1Password, Google Authenticator or Aegis) in addition to your password.",
  "account.mfa.onBody": "You are asked for a code from your authenticator app after your password.",
  "account.mfa.codesLeft": { one: "{count} of 10 recovery codes left.", other: "{count} of 10 recovery codes left." },
  "account.mfa.codesLow": {
    one: "Only {count} recovery code left. Generate new ones so you are not locked out.",
    other: "Only {count} recovery codes left. Generate new ones so you are not locked out.",
  },
  "account.mfa.enable": "Turn on",
  "account.mfa.disable": "Turn off",
  "account.mfa.regenerate": "New recovery codes",

  "account.mfa.setup.title": "Set up two-factor authentication",
  "account.mfa.setup.scan": "1. Scan this QR code with your authenticator app.",
  "account.mfa.setup.qrAlt": "QR code for your authenticator app",
  "account.mfa.setup.manual": "Can't scan it? Enter this key in the app instead:",
  "account.mfa.setup.manualLabel": "Setup key",
  "account.mfa.setup.enterCode": "2. Enter the 6-digit code the app shows.",
  "account.mfa.setup.code": "Code from the app",
  "account.mfa.setup.confirm": "Turn on",
  "account.mfa.setup.invalid": "That code is not right. Check that your device's time is correct and try the current code.",
  "account.mfa.setup.loading": "Preparing…",

  "account.mfa.codes.title": "Save your recovery codes",
  "account.mfa.codes.body":
    "If you lose your device, each of these codes signs you in once instead of a code from the app. They are shown only now: store them somewhere safe, like a password manager.",
  "account.mfa.codes.listLabel": "Recovery codes",
  "account.mfa.codes.copy": "Copy",
  "account.mfa.codes.copied": "Recovery codes copied.",
  "account.mfa.codes.download": "Download",
  "account.mfa.codes.fileHeader": "Recovery codes for {instance} ({date}). Each code works once.",
  "account.mfa.codes.done": "I have saved them",
  "account.mfa.enabled": "Two-factor authentication is on.",

  "account.mfa.disableTitle": "Turn off two-factor authentication",
  "account.mfa.disableBody":
    "Your account will be protected by your password only. Confirm with your password or a code from the app.",
  "account.mfa.regenerateTitle": "New recovery codes",
  "account.mfa.regenerateBody": "Your current recovery codes stop working. Confirm with your password or a code from the app.",
  "account.mfa.proofPassword": "Current password",
  "account.mfa.proofCode": "Or a code from the app",
  "account.mfa.proofMissing": "Enter your password or a code.",
  "account.mfa.proofWrong": "That password or code is not right.",
  "account.mfa.disabled": "Two-factor authentication is off.",
};
