import { getDb } from "../db/client.ts";

export const DEFAULT_INSTANCE_NAME = "WarmDesk";

/** The name shown in the header and titles: the `instance_name` system setting, else "WarmDesk". Read per request. */
export async function getInstanceName(): Promise<string> {
  const row = await getDb().systemSetting.findUnique({ where: { key: "instance_name" }, select: { value: true } });
  const name = row?.value.trim();
  return name ? name.slice(0, 64) : DEFAULT_INSTANCE_NAME;
}
