// next-auth (credentials) signs people in; the session itself is a row in `sessions`. The JWT
// cookie only carries that row's raw token (`sid`), so revoking the row signs the browser out.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client.ts";
import { burnPasswordCheck, verifyPassword } from "./passwords.ts";
import { nextAuthSecret } from "./request.ts";
import { createSession, revokeSessionToken, SESSION_MAX_AGE_S } from "./sessions.ts";

export async function checkCredentials(email: string, password: string) {
  const user = await getDb().user.findFirst({
    where: { email: email.trim().toLowerCase(), deletedAt: null },
    select: { id: true, username: true, email: true, passwordHash: true, isActive: true },
  });
  if (!user) return burnPasswordCheck(password).then(() => null);
  if (!(await verifyPassword(password, user.passwordHash)) || !user.isActive) return null;
  return user;
}

export function authOptions(): NextAuthOptions {
  return {
    secret: nextAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const email = String(credentials?.email ?? "").slice(0, 191);
          const password = String(credentials?.password ?? "").slice(0, 1000);
          if (!email || !password) return null;
          const user = await checkCredentials(email, password);
          if (!user) return null;
          const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
          const ip = headers["x-forwarded-for"]?.split(",")[0]?.trim() ?? null;
          const { token } = await createSession(user.id, { ip, userAgent: headers["user-agent"] ?? null });
          return { id: String(user.id), name: user.username, email: user.email, sid: token };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user && "sid" in user) token.sid = (user as { sid: string }).sid;
        return token;
      },
      async session({ session }) {
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token && typeof token.sid === "string") await revokeSessionToken(token.sid);
      },
    },
  };
}
