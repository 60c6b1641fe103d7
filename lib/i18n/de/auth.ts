import type { auth as en } from "../en/auth.ts";

export const auth: { [K in keyof typeof en]: string } = {
};
