import { publicRoute, readJson } from "@/lib/http/handler.ts";
import { createFirstAdmin, hasAnyUser } from "@/lib/users/users.ts";

export const GET = publicRoute(async () => ({ needed: !(await hasAnyUser()) }));

export const POST = publicRoute(async ({ req }) => createFirstAdmin((await readJson(req)) as never), { status: 201 });
