// Internal headers of the request log (server/web.ts): the request id handed to Next's handlers,
// and the signed-in user's id that apiRoute names on its answer (removed before it leaves).
import { INTERNAL_HEADER_PREFIX } from "./client-address.ts";

export const REQUEST_ID_HEADER = `${INTERNAL_HEADER_PREFIX}request-id`;
export const USER_ID_HEADER = `${INTERNAL_HEADER_PREFIX}user-id`;
