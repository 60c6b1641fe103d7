import type { realtime as en } from "../en/realtime.ts";
import type { Translation } from "../locales.ts";

export const realtime: Translation<typeof en, "fr"> = {
  "realtime.live": "En direct",
  "realtime.reconnecting": "Reconnexion…",
  "realtime.reconnectingHint":
    "Les mises à jour en direct sont interrompues. Vos modifications sont toujours enregistrées ; la page se mettra à jour au retour de la connexion.",
  "realtime.here": "Aussi ici : {names}",
  "realtime.hereMore": "+{count}",
  "realtime.viewing": "{name} consulte",
  "realtime.editing": "{name} modifie",
  "realtime.cardViewing": "{names} a aussi cette carte ouverte",
  "realtime.cardViewingMany": "{names} ont aussi cette carte ouverte",
  "realtime.cardEditing": "{name} modifie cette carte",
  "realtime.typing.one": "{name} est en train d’écrire…",
  "realtime.typing.two": "{a} et {b} sont en train d’écrire…",
  "realtime.typing.many": "Plusieurs personnes sont en train d’écrire…",
};
