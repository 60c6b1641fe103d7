import type { realtime as en } from "../en/realtime.ts";
import type { Translation } from "../locales.ts";

export const realtime: Translation<typeof en, "es"> = {
  "realtime.live": "En directo",
  "realtime.reconnecting": "Reconectando…",
  "realtime.reconnectingHint":
    "Las actualizaciones en directo se han interrumpido. Tus cambios se siguen guardando; la página se pondrá al día cuando vuelva la conexión.",
  "realtime.here": "También aquí: {names}",
  "realtime.hereMore": "+{count}",
  "realtime.viewing": "{name} está viendo",
  "realtime.editing": "{name} está editando",
  "realtime.cardViewing": "{names} también tiene esta tarjeta abierta",
  "realtime.cardViewingMany": "{names} también tienen esta tarjeta abierta",
  "realtime.cardEditing": "{name} está editando esta tarjeta",
  "realtime.typing.one": "{name} está escribiendo…",
  "realtime.typing.two": "{a} y {b} están escribiendo…",
  "realtime.typing.many": "Varias personas están escribiendo…",
};
