import type { profile as en } from "../en/profile.ts";

export const profile: { [K in keyof typeof en]: string } = {
  "profile.title": "Profile",
};
