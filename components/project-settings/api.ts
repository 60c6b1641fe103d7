// The project settings page's name for the one API client (components/api-client.ts), also used by
// admin, customers, time, profile and the sign-in pages.
export {
  type ApiFailure as ApiError,
  type ApiResult,
  apiResult as api,
  projectPath,
} from "@/components/api-client.ts";
