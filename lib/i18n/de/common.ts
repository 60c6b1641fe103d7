import type { common as en } from "../en/common.ts";

export const common: { [K in keyof typeof en]: string } = {
  "app.name": "WarmDesk",
};
