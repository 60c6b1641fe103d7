import type { realtime as en } from "../en/realtime.ts";
import type { Translation } from "../locales.ts";

export const realtime: Translation<typeof en, "pt-BR"> = {
  "realtime.live": "Ao vivo",
  "realtime.reconnecting": "Reconectando…",
  "realtime.reconnectingHint":
    "As atualizações ao vivo foram interrompidas. Suas alterações continuam sendo salvas; a página se atualiza quando a conexão voltar.",
  "realtime.here": "Também aqui: {names}",
  "realtime.hereMore": "+{count}",
  "realtime.viewing": "{name} está vendo",
  "realtime.editing": "{name} está editando",
  "realtime.cardViewing": "{names} também está com este cartão aberto",
  "realtime.cardViewingMany": "{names} também estão com este cartão aberto",
  "realtime.cardEditing": "{name} está editando este cartão",
  "realtime.typing.one": "{name} está digitando…",
  "realtime.typing.two": "{a} e {b} estão digitando…",
  "realtime.typing.many": "Várias pessoas estão digitando…",
};
