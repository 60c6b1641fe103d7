import { methodNotAllowed, publicRoute, readJson } from "@/lib/http/handler.ts";
import { createFirstAdmin, hasAnyUser } from "@/lib/users/users.ts";

export const GET = publicRoute(async () => ({ needed: !(await hasAnyUser()) }));

export const POST = publicRoute(async ({ req }) => createFirstAdmin((await readJson(req)) as never), { status: 201 });

const notAllowed = methodNotAllowed("GET, POST");

export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
