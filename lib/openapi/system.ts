// OpenAPI paths and schemas of the system endpoints.
import type { Json } from "./helpers.ts";

export function systemSchemas(): Json {
  return {};
}

export function systemPaths(): Json {
  return {};
}
