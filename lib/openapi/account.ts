// OpenAPI paths and schemas of the account endpoints.
import type { Json } from "./helpers.ts";

export function accountSchemas(): Json {
  return {};
}

export function accountPaths(): Json {
  return {};
}
