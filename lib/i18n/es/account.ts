import type { account as en } from "../en/account.ts";
import type { Translation } from "../locales.ts";

export const account: Translation<typeof en, "es"> = {
  "account.title": "Cuenta",
  "account.mfa.statusOn": "Activada",
  "account.mfa.statusOff": "Desactivada",
  "account.mfa.offBody":
    "Protege tu cuenta con un código de una aplicación de autenticación (como 1Password, Google Authenticator o Aegis) además de tu contraseña.",
  "account.mfa.onBody": "Después de tu contraseña se te pide un código de tu aplicación de autenticación.",
  "account.mfa.codesLeft": {
    one: "Te queda {count} de 10 códigos de recuperación.",
    many: "Te quedan {count} de 10 códigos de recuperación.",
    other: "Te quedan {count} de 10 códigos de recuperación.",
  },
  "account.mfa.codesLow": {
    one: "Solo te queda {count} código de recuperación. Genera nuevos para no quedarte sin acceso.",
    many: "Solo te quedan {count} de códigos de recuperación. Genera nuevos para no quedarte sin acceso.",
    other: "Solo te quedan {count} códigos de recuperación. Genera nuevos para no quedarte sin acceso.",
  },
  "account.mfa.enable": "Activar",
  "account.mfa.disable": "Desactivar",
  "account.mfa.regenerate": "Nuevos códigos de recuperación",
  "account.mfa.setup.title": "Configurar la autenticación en dos pasos",
  "account.mfa.setup.scan": "1. Escanea este código QR con tu aplicación de autenticación.",
  "account.mfa.setup.qrAlt": "Código QR para tu aplicación de autenticación",
  "account.mfa.setup.manual": "¿No puedes escanearlo? Introduce esta clave en la aplicación:",
  "account.mfa.setup.manualLabel": "Clave de configuración",
  "account.mfa.setup.enterCode": "2. Introduce el código de 6 dígitos que muestra la aplicación.",
  "account.mfa.setup.code": "Código de la aplicación",
  "account.mfa.setup.confirm": "Activar",
  "account.mfa.setup.invalid":
    "Ese código no es correcto. Comprueba que la hora de tu dispositivo sea correcta e introduce el código actual.",
  "account.mfa.setup.loading": "Preparando…",
  "account.mfa.codes.title": "Guarda tus códigos de recuperación",
  "account.mfa.codes.body":
    "Si pierdes tu dispositivo, cada uno de estos códigos te permite iniciar sesión una vez en lugar de un código de la aplicación. Solo se muestran ahora: guárdalos en un lugar seguro, como un gestor de contraseñas.",
  "account.mfa.codes.listLabel": "Códigos de recuperación",
  "account.mfa.codes.copy": "Copiar",
  "account.mfa.codes.copied": "Códigos de recuperación copiados.",
  "account.mfa.codes.download": "Descargar",
  "account.mfa.codes.fileHeader": "Códigos de recuperación de {instance} ({date}). Cada código funciona una sola vez.",
  "account.mfa.codes.done": "Ya los he guardado",
  "account.mfa.enabled": "La autenticación en dos pasos está activada.",
  "account.mfa.disableTitle": "Desactivar la autenticación en dos pasos",
  "account.mfa.disableBody":
    "Tu cuenta quedará protegida solo por tu contraseña. Confirma con tu contraseña o con un código de la aplicación.",
  "account.mfa.regenerateTitle": "Nuevos códigos de recuperación",
  "account.mfa.regenerateBody":
    "Tus códigos de recuperación actuales dejarán de funcionar. Confirma con tu contraseña o con un código de la aplicación.",
  "account.mfa.proofPassword": "Contraseña actual",
  "account.mfa.proofCode": "O un código de la aplicación",
  "account.mfa.proofMissing": "Introduce tu contraseña o un código.",
  "account.mfa.proofWrong": "Esa contraseña o ese código no es correcto.",
  "account.mfa.disabled": "La autenticación en dos pasos está desactivada.",
};
