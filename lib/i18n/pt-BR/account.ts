import type { account as en } from "../en/account.ts";
import type { Translation } from "../locales.ts";

export const account: Translation<typeof en, "pt-BR"> = {
  "account.title": "Conta",
  "account.mfa.statusOn": "Ativada",
  "account.mfa.statusOff": "Desativada",
  "account.mfa.offBody":
    "Proteja sua conta com um código de um aplicativo autenticador (como 1Password, Google Authenticator ou Aegis), além da sua senha.",
  "account.mfa.onBody": "Depois da senha, você precisa informar um código do seu aplicativo autenticador.",
  "account.mfa.codesLeft": {
    one: "Resta {count} de 10 códigos de recuperação.",
    many: "Restam {count} de 10 códigos de recuperação.",
    other: "Restam {count} de 10 códigos de recuperação.",
  },
  "account.mfa.codesLow": {
    one: "Resta apenas {count} código de recuperação. Gere novos para não perder o acesso.",
    many: "Restam apenas {count} de códigos de recuperação. Gere novos para não perder o acesso.",
    other: "Restam apenas {count} códigos de recuperação. Gere novos para não perder o acesso.",
  },
  "account.mfa.enable": "Ativar",
  "account.mfa.disable": "Desativar",
  "account.mfa.regenerate": "Novos códigos de recuperação",
  "account.mfa.setup.title": "Configurar a autenticação em dois fatores",
  "account.mfa.setup.scan": "1. Leia este QR code com seu aplicativo autenticador.",
  "account.mfa.setup.qrAlt": "QR code para seu aplicativo autenticador",
  "account.mfa.setup.manual": "Não consegue ler? Digite esta chave no aplicativo:",
  "account.mfa.setup.manualLabel": "Chave de configuração",
  "account.mfa.setup.enterCode": "2. Digite o código de 6 dígitos exibido pelo aplicativo.",
  "account.mfa.setup.code": "Código do aplicativo",
  "account.mfa.setup.confirm": "Ativar",
  "account.mfa.setup.invalid":
    "Esse código não está correto. Verifique se o horário do seu dispositivo está certo e digite o código atual.",
  "account.mfa.setup.loading": "Preparando…",
  "account.mfa.codes.title": "Guarde seus códigos de recuperação",
  "account.mfa.codes.body":
    "Se você perder seu dispositivo, cada um destes códigos permite entrar uma vez no lugar de um código do aplicativo. Eles são exibidos só agora: guarde-os em um lugar seguro, como um gerenciador de senhas.",
  "account.mfa.codes.listLabel": "Códigos de recuperação",
  "account.mfa.codes.copy": "Copiar",
  "account.mfa.codes.copied": "Códigos de recuperação copiados.",
  "account.mfa.codes.download": "Baixar",
  "account.mfa.codes.fileHeader": "Códigos de recuperação de {instance} ({date}). Cada código funciona uma única vez.",
  "account.mfa.codes.done": "Já guardei",
  "account.mfa.enabled": "A autenticação em dois fatores está ativada.",
  "account.mfa.disableTitle": "Desativar a autenticação em dois fatores",
  "account.mfa.disableBody": "Sua conta ficará protegida apenas pela senha. Confirme com sua senha ou um código do aplicativo.",
  "account.mfa.regenerateTitle": "Novos códigos de recuperação",
  "account.mfa.regenerateBody":
    "Seus códigos de recuperação atuais deixarão de funcionar. Confirme com sua senha ou um código do aplicativo.",
  "account.mfa.proofPassword": "Senha atual",
  "account.mfa.proofCode": "Ou um código do aplicativo",
  "account.mfa.proofMissing": "Digite sua senha ou um código.",
  "account.mfa.proofWrong": "Essa senha ou código não está correto.",
  "account.mfa.disabled": "A autenticação em dois fatores está desativada.",
};
