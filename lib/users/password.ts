// A signed-in user changes their own password: the current one must be right, the new one must be
// valid and different. Every other session of the user is signed out (the current one stays) and
// every API key is revoked (see revokeUserApiKeys). Only
// from a signed-in browser, and wrong current passwords count towards the account's sign-in lock.
import { z } from "zod";
import { type RequestMeta, recordAudit } from "../audit/audit.ts";
import { type Actor, requireBrowser } from "../auth/actor.ts";
import { revokeUserApiKeys } from "../auth/api-keys.ts";
import { proveSecret } from "../auth/lockout.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import { revokeUserSessions } from "../auth/sessions.ts";
import { getDb } from "../db/client.ts";
import { AppError, parseInput } from "../errors.ts";
import { ZCreateUser } from "./users.ts";

export const ZChangePassword = z
  .object({ currentPassword: z.string().min(1).max(1000), newPassword: ZCreateUser.shape.password })
  .strict()
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ["newPassword"],
    message: "must differ from the current password",
  });

export async function changePassword(actor: Actor, input: unknown, meta?: RequestMeta): Promise<void> {
  requireBrowser(actor, "Your password");
  const data = parseInput(ZChangePassword, input);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { email: true, passwordHash: true } });
  if (
    !(await proveSecret({ id: actor.userId, email: user.email }, "password", meta, () =>
      verifyPassword(data.currentPassword, user.passwordHash),
    ))
  ) {
    throw new AppError("validation", "The current password is not right.", {
      fields: [{ path: "currentPassword", message: "not right" }],
    });
  }
  await db.user.update({
    where: { id: actor.userId },
    data: { passwordHash: await hashPassword(data.newPassword), mustChangePassword: false },
    select: { id: true },
  });
  await revokeUserSessions(actor.userId, { except: actor.sessionId });
  const apiKeysRevoked = await revokeUserApiKeys(actor.userId);
  await recordAudit({
    actor,
    action: "user.password_changed",
    resourceType: "user",
    resourceId: actor.userId,
    details: { apiKeysRevoked },
    meta,
  });
}
