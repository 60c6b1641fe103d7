// OpenAPI paths and schemas of the admin endpoints.
import type { Json } from "./helpers.ts";

export function adminSchemas(): Json {
  return {};
}

export function adminPaths(): Json {
  return {};
}
