import type { board as en } from "../en/board.ts";

export const board: { [K in keyof typeof en]: string } = {
};
