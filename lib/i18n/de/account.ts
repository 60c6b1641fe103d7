import type { account as en } from "../en/account.ts";

export const account: { [K in keyof typeof en]: string } = {
  "account.title": "Account",
};
