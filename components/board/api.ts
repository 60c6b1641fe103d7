// The board's name for the one API client (components/api-client.ts).
export { ApiError, apiRequest as apiJson, projectPath } from "@/components/api-client.ts";
