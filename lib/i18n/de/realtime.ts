import type { realtime as en } from "../en/realtime.ts";
import type { Translation } from "../locales.ts";

export const realtime: Translation<typeof en, "de"> = {
  "realtime.live": "Live",
  "realtime.reconnecting": "Verbindung wird wiederhergestellt…",
  "realtime.reconnectingHint":
    "Live-Aktualisierungen sind unterbrochen. Deine Änderungen werden weiter gespeichert; die Seite holt auf, sobald die Verbindung wieder steht.",
  "realtime.here": "Auch hier: {names}",
  "realtime.hereMore": "+{count}",
  "realtime.viewing": "{name} schaut zu",
  "realtime.editing": "{name} bearbeitet gerade",
  "realtime.cardViewing": "{names} hat diese Karte auch offen",
  "realtime.cardViewingMany": "{names} haben diese Karte auch offen",
  "realtime.cardEditing": "{name} bearbeitet diese Karte gerade",
  "realtime.typing.one": "{name} schreibt…",
  "realtime.typing.two": "{a} und {b} schreiben…",
  "realtime.typing.many": "Mehrere Personen schreiben…",
};
