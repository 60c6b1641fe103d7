import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth.ts";
import { AppError } from "@/lib/errors.ts";
import { readBodyCapped } from "@/lib/http/body.ts";
import { errorResponse } from "@/lib/http/handler.ts";

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** Sign-in forms are a few hundred bytes; next-auth itself would read any body whole. */
const MAX_AUTH_BODY_BYTES = 64 * 1024;

// Options are built per request: the secret comes from the data directory, read at run time.
const handler = (req: Request, ctx: Ctx) => NextAuth(req as never, ctx as never, authOptions());

async function post(req: NextRequest, ctx: Ctx) {
  let body: Buffer;
  try {
    body = await readBodyCapped(
      req,
      MAX_AUTH_BODY_BYTES,
      () => new AppError("payload_too_large", `The body may be at most ${MAX_AUTH_BODY_BYTES} bytes.`),
    );
  } catch (e) {
    return errorResponse(e);
  }
  const capped = new NextRequest(req.url, { method: "POST", headers: req.headers, body: new Uint8Array(body) });
  return handler(capped, ctx);
}

export { handler as GET, post as POST };
