import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth.ts";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the secret comes from the data directory, read at run time.
const handler = (req: Request, ctx: Ctx) => NextAuth(req as never, ctx as never, authOptions());

export { handler as GET, handler as POST };
