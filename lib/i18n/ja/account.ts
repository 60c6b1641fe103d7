import type { account as en } from "../en/account.ts";
import type { Translation } from "../locales.ts";

export const account: Translation<typeof en, "ja"> = {
  "account.title": "アカウント",
  "account.mfa.statusOn": "オン",
  "account.mfa.statusOff": "オフ",
  "account.mfa.offBody":
    "パスワードに加えて、認証アプリ（1Password、Google Authenticator、Aegis など）のコードでアカウントを保護します。",
  "account.mfa.onBody": "パスワードの入力後に、認証アプリのコードを求められます。",
  "account.mfa.codesLeft": { other: "リカバリーコードは残り {count} 個です（全 10 個）。" },
  "account.mfa.codesLow": {
    other: "リカバリーコードが残り {count} 個しかありません。ロックアウトされないよう、新しいコードを生成してください。",
  },
  "account.mfa.enable": "オンにする",
  "account.mfa.disable": "オフにする",
  "account.mfa.regenerate": "新しいリカバリーコード",
  "account.mfa.setup.title": "2 段階認証を設定",
  "account.mfa.setup.scan": "1. 認証アプリでこの QR コードをスキャンします。",
  "account.mfa.setup.qrAlt": "認証アプリ用の QR コード",
  "account.mfa.setup.manual": "スキャンできない場合は、代わりにこのキーをアプリに入力してください:",
  "account.mfa.setup.manualLabel": "セットアップキー",
  "account.mfa.setup.enterCode": "2. アプリに表示される 6 桁のコードを入力します。",
  "account.mfa.setup.code": "アプリのコード",
  "account.mfa.setup.confirm": "オンにする",
  "account.mfa.setup.invalid": "コードが正しくありません。デバイスの時刻が正しいことを確認し、現在のコードを入力してください。",
  "account.mfa.setup.loading": "準備中…",
  "account.mfa.codes.title": "リカバリーコードを保存してください",
  "account.mfa.codes.body":
    "デバイスをなくした場合、これらのコードはそれぞれ 1 回だけ、アプリのコードの代わりにサインインに使えます。表示されるのは今だけです。パスワードマネージャーなど安全な場所に保管してください。",
  "account.mfa.codes.listLabel": "リカバリーコード",
  "account.mfa.codes.copy": "コピー",
  "account.mfa.codes.copied": "リカバリーコードをコピーしました。",
  "account.mfa.codes.download": "ダウンロード",
  "account.mfa.codes.fileHeader": "{instance} のリカバリーコード（{date}）。各コードは 1 回だけ使えます。",
  "account.mfa.codes.done": "保存しました",
  "account.mfa.enabled": "2 段階認証はオンです。",
  "account.mfa.disableTitle": "2 段階認証をオフにする",
  "account.mfa.disableBody":
    "アカウントはパスワードのみで保護されるようになります。パスワードまたはアプリのコードで確認してください。",
  "account.mfa.regenerateTitle": "新しいリカバリーコード",
  "account.mfa.regenerateBody": "現在のリカバリーコードは使えなくなります。パスワードまたはアプリのコードで確認してください。",
  "account.mfa.proofPassword": "現在のパスワード",
  "account.mfa.proofCode": "またはアプリのコード",
  "account.mfa.proofMissing": "パスワードまたはコードを入力してください。",
  "account.mfa.proofWrong": "パスワードまたはコードが正しくありません。",
  "account.mfa.disabled": "2 段階認証はオフです。",
};
