import type { system as en } from "../en/system.ts";

export const system: { [K in keyof typeof en]: string } = {
  "system.title": "System",
};
