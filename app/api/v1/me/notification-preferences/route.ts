import { apiRoute, methodNotAllowed, readJson } from "@/lib/http/handler.ts";
import { getNotificationPreferences, setNotificationPreferences } from "@/lib/notifications/notify.ts";

export const GET = apiRoute(async ({ actor }) => getNotificationPreferences(actor), { scope: "account" });

export const PATCH = apiRoute(async ({ req, actor }) => setNotificationPreferences(actor, await readJson(req)), {
  scope: "account",
});

const notAllowed = methodNotAllowed("GET, PATCH");

export { notAllowed as POST, notAllowed as PUT, notAllowed as DELETE };
