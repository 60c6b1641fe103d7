// Database ids in input: positive 32-bit integers (every engine's INTEGER), the one definition.
import { z } from "zod";

/** An id in a JSON body. */
export const ZId = z.number().int().positive().max(2_147_483_647);

/** An id that may arrive as text (query strings, form fields, path segments). */
export const ZIdText = z.coerce.number().int().positive().max(2_147_483_647);
