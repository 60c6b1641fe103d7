import type { admin as en } from "../en/admin.ts";

export const admin: { [K in keyof typeof en]: string } = {
  "admin.title": "Admin",
};
