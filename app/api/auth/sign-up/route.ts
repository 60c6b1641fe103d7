import { requestMeta } from "@/lib/audit/audit.ts";
import { methodNotAllowed, publicRoute, readJson } from "@/lib/http/handler.ts";
import { signUp } from "@/lib/users/signup.ts";

export const POST = publicRoute(async ({ req }) => signUp(await readJson(req), requestMeta(req.headers)), { status: 201 });

const notAllowed = methodNotAllowed("POST");

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
