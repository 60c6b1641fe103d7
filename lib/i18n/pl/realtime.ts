import type { realtime as en } from "../en/realtime.ts";
import type { Translation } from "../locales.ts";

export const realtime: Translation<typeof en, "pl"> = {
  "realtime.live": "Na żywo",
  "realtime.reconnecting": "Ponowne łączenie…",
  "realtime.reconnectingHint":
    "Aktualizacje na żywo są przerwane. Twoje zmiany są nadal zapisywane; strona nadrobi zaległości po przywróceniu połączenia.",
  "realtime.here": "Również tutaj: {names}",
  "realtime.hereMore": "+{count}",
  "realtime.viewing": "{name} przegląda",
  "realtime.editing": "{name} edytuje",
  "realtime.cardViewing": "{names} też ma otwartą tę kartę",
  "realtime.cardViewingMany": "{names} też mają otwartą tę kartę",
  "realtime.cardEditing": "{name} edytuje tę kartę",
  "realtime.typing.one": "{name} pisze…",
  "realtime.typing.two": "{a} i {b} piszą…",
  "realtime.typing.many": "Kilka osób pisze…",
};
