export const realtime = {
  "realtime.live": "Live",
  "realtime.reconnecting": "Reconnecting…",
  "realtime.reconnectingHint":
    "Live updates are interrupted. Changes you make are still saved; the page catches up when the connection is back.",
  "realtime.here": "Also here: {names}",
  "realtime.hereMore": "+{count}",
  "realtime.viewing": "{name} is viewing",
  "realtime.editing": "{name} is editing",
  "realtime.cardViewing": "{names} also has this card open",
  "realtime.cardViewingMany": "{names} also have this card open",
  "realtime.cardEditing": "{name} is editing this card",
  "realtime.typing.one": "{name} is typing…",
  "realtime.typing.two": "{a} and {b} are typing…",
  "realtime.typing.many": "Several people are typing…",
};
