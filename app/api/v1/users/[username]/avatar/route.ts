import { apiRoute, methodNotAllowed } from "@/lib/http/handler.ts";
import { avatarResponse } from "@/lib/users/avatar.ts";

type Params = { username: string };

export const GET = apiRoute<Params>(async ({ params }) => avatarResponse(params.username), { scope: "account" });

const notAllowed = methodNotAllowed("GET");

export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
