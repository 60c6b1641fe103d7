import { getSetting } from "./settings.ts";

export const DEFAULT_INSTANCE_NAME = "WarmDesk";

/** The name shown in the header and titles: the `instance_name` system setting. Read per request. */
export function getInstanceName(): Promise<string> {
  return getSetting("instance_name");
}
