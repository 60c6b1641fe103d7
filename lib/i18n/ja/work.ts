import type { work as en } from "../en/work.ts";
import type { Translation } from "../locales.ts";

export const work: Translation<typeof en, "ja"> = {
  "nav.myWork": "自分の作業",
  "work.title": "自分の作業",
  "work.summary": "あなたが担当する未完了のカード {total} 枚 · 期限切れ {overdue} 枚",
  "work.groupBy": "グループ化",
  "work.groupBy.due": "期限",
  "work.groupBy.project": "プロジェクト",
  "work.bucket.overdue": "期限切れ",
  "work.bucket.today": "今日が期限",
  "work.bucket.week": "今後 7 日間",
  "work.bucket.later": "それ以降",
  "work.bucket.none": "期限なし",
  "work.empty": "あなたが担当しているものはありません。どのプロジェクトでも、あなたが担当になったカードがここに表示されます。",
  "work.truncated": "{total} 枚のカードのうち、期限が近い {shown} 枚を表示しています。",
  "work.timer": "実行中のタイマー",
  "work.timerNone": "実行中のタイマーはありません。",
  "work.timerOpen": "時間管理を開く",
  "work.mentions": "未読のメンション",
  "work.mentionsNone": "未読のメンションはありません。",
  "work.due": "期限 {date}",
  "work.column": "列: {column}",
  "work.cardCount": "{count} 枚のカード",
};
