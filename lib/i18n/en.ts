// The English catalog: the reference. One file per area under en/ so that areas grow independently.
import { auth } from "./en/auth.ts";
import { board } from "./en/board.ts";
import { card } from "./en/card.ts";
import { common } from "./en/common.ts";
import { projects } from "./en/projects.ts";

export const en = { ...common, ...auth, ...projects, ...board, ...card };
