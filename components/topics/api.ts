// The topic pages' use of the one API client (components/api-client.ts): the server's error message
// is the thrown error's message.
import { apiRequest } from "@/components/api-client.ts";

export const topicApi = <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> =>
  apiRequest<T>(path, init);
