import type { realtime as en } from "../en/realtime.ts";
import type { Translation } from "../locales.ts";

export const realtime: Translation<typeof en, "ja"> = {
  "realtime.live": "ライブ",
  "realtime.reconnecting": "再接続中…",
  "realtime.reconnectingHint":
    "ライブ更新が中断しています。変更は引き続き保存され、接続が戻るとページが最新の状態に追いつきます。",
  "realtime.here": "ここにいる人: {names}",
  "realtime.hereMore": "+{count}",
  "realtime.viewing": "{name} が閲覧中",
  "realtime.editing": "{name} が編集中",
  "realtime.cardViewing": "{names} もこのカードを開いています",
  "realtime.cardViewingMany": "{names} もこのカードを開いています",
  "realtime.cardEditing": "{name} がこのカードを編集中です",
  "realtime.typing.one": "{name} が入力中…",
  "realtime.typing.two": "{a} と {b} が入力中…",
  "realtime.typing.many": "複数の人が入力中…",
};
