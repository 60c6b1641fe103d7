import { methodNotAllowed, publicRoute } from "@/lib/http/handler.ts";
import { openApiDocument } from "@/lib/openapi/spec.ts";

export const GET = publicRoute(async () => openApiDocument());

const notAllowed = methodNotAllowed("GET");

export { notAllowed as DELETE, notAllowed as PATCH, notAllowed as POST, notAllowed as PUT };
