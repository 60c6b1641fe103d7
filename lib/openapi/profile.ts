// OpenAPI paths and schemas of the profile endpoints.
import type { Json } from "./helpers.ts";

export function profileSchemas(): Json {
  return {};
}

export function profilePaths(): Json {
  return {};
}
