import type { attachments as en } from "../en/attachments.ts";
import type { Translation } from "../locales.ts";

export const attachments: Translation<typeof en, "ja"> = {
  "attachments.title": "添付ファイル",
  "attachments.none": "添付ファイルはまだありません。",
  "attachments.add": "ファイルを追加",
  "attachments.dropHint": "ここにファイルをドロップするか、画像を貼り付けるか、",
  "attachments.dropActive": "ドロップしてアップロード",
  "attachments.uploading": "{name} をアップロード中",
  "attachments.failed": "{name}: {message}",
  "attachments.download": "{name} をダウンロード",
  "attachments.delete": "{name} を削除",
  "attachments.confirmDelete": "この添付ファイルを削除しますか？",
  "attachments.pasted": "貼り付けた画像",
  "attachments.by": "{size} · {user}",
};
