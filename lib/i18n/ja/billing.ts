import type { billing as en } from "../en/billing.ts";
import type { Translation } from "../locales.ts";

export const billing: Translation<typeof en, "ja"> = {
  "billing.pdf.title": "作業時間表",
  "billing.pdf.period": "期間",
  "billing.pdf.contract": "契約",
  "billing.pdf.allContracts": "すべての契約",
  "billing.pdf.currency": "通貨",
  "billing.pdf.export": "請求書エクスポート",
  "billing.pdf.date": "日付",
  "billing.pdf.person": "担当者",
  "billing.pdf.description": "説明",
  "billing.pdf.hours": "時間",
  "billing.pdf.rate": "単価",
  "billing.pdf.amount": "金額",
  "billing.pdf.subtotal": "小計",
  "billing.pdf.projectTotal": "{name} 合計",
  "billing.pdf.total": "合計",
  "billing.pdf.noProject": "プロジェクトなし",
  "billing.pdf.noCard": "カードなし",
  "billing.pdf.empty": "この期間に請求対象の時間はありません。",
  "billing.pdf.page": "{page} / {pages} ページ",
  "billing.pdf.rounding":
    "時間は h:mm 形式です。各金額は時間単価 × 時間を通貨の最小単位で四捨五入したもので、合計はそれらの金額の和です。",
  "billing.alert.title": "{contract}（{customer}）が予算の {threshold} % を使用しました",
  "billing.alert.exceeded": "{contract}（{customer}）が予算を超過しました",
  "billing.alert.text": "期間 {start} – {end} に {available} のうち {used} を使用（{percent} %）。",
  "billing.reminder.before": "{key} の期限は {date} です",
  "billing.reminder.overdue": "{key} は期限切れです（期限 {date}）",
};
