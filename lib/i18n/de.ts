// The German catalog: each area file must translate every key of its English twin (type-checked).
import { auth } from "./de/auth.ts";
import { board } from "./de/board.ts";
import { card } from "./de/card.ts";
import { common } from "./de/common.ts";
import { projects } from "./de/projects.ts";

export const de = { ...common, ...auth, ...projects, ...board, ...card };
