import { getConfig } from "@/lib/config.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { realtimeUrl } from "@/lib/http/realtime-url.ts";
import { signRealtimeToken } from "@/lib/realtime/token.ts";

export const POST = apiRoute(
  async ({ req, actor }) => {
    const config = getConfig();
    const token = signRealtimeToken(
      { uid: actor.userId, sid: actor.sessionId, pid: actor.apiKeyProjectId, kid: actor.apiKeyId ?? null },
      config.authSecret,
    );
    return { token, url: realtimeUrl(req, config) };
  },
  { scope: "project" },
);

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
