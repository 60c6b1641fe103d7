import { requestMeta } from "@/lib/audit/audit.ts";
import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { removeAvatar, uploadAvatar } from "@/lib/users/avatar.ts";

/** The cropped picture is the raw request body (PNG, JPEG or WebP; the type is read from the bytes). */
export const POST = apiRoute(async ({ req, actor }) => uploadAvatar(actor, req, requestMeta(req.headers)), {
  scope: "browser",
  status: 201,
});

export const DELETE = apiRoute(
  async ({ req, actor }) => {
    await removeAvatar(actor, requestMeta(req.headers));
    return new Response(null, { status: 204 });
  },
  { scope: "browser" },
);

const notAllowed = methodNotAllowed("POST, DELETE");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH };
