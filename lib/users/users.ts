import { z } from "zod";
import { revokeUserApiKeys } from "../auth/api-keys.ts";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../auth/passwords.ts";
import { getDb } from "../db/client.ts";
import { AppError, notFound, parseInput } from "../errors.ts";
import { LANGUAGES } from "../i18n/locales.ts";

export const ZCreateUser = z.object({
  email: z.string().trim().toLowerCase().email().max(191),
  username: z
    .string()
    .trim()
    .min(2)
    .max(32)
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, "letters, digits, dots, dashes and underscores"),
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
  admin: z.boolean().default(false),
  language: z.enum(LANGUAGES).default("en"),
  mustChangePassword: z.boolean().default(false),
});

const USER_SELECT = { id: true, email: true, username: true, role: true, language: true, theme: true, createdAt: true } as const;

export async function createUser(input: z.input<typeof ZCreateUser>) {
  const data = parseInput(ZCreateUser, input);
  try {
    return await getDb().user.create({
      data: {
        email: data.email,
        username: data.username,
        passwordHash: await hashPassword(data.password),
        role: data.admin ? "admin" : "user",
        language: data.language,
        mustChangePassword: data.mustChangePassword,
      },
      select: USER_SELECT,
    });
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") {
      throw new AppError("conflict", "A user with this email or username already exists.", {
        fields: [{ path: "email", message: "taken" }],
      });
    }
    throw e;
  }
}

export async function hasAnyUser(): Promise<boolean> {
  return (await getDb().user.count()) > 0;
}

/**
 * First-run setup: creates the first administrator, only while no user exists. A second caller
 * racing the first gets a conflict rather than a second admin.
 */
export async function createFirstAdmin(input: Omit<z.input<typeof ZCreateUser>, "admin">) {
  const data = parseInput(ZCreateUser, { ...input, admin: true });
  const passwordHash = await hashPassword(data.password);
  return getDb().$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) throw new AppError("conflict", "WarmDesk is already set up.");
    return tx.user.create({
      data: { email: data.email, username: data.username, passwordHash, role: "admin", language: data.language },
      select: USER_SELECT,
    });
  });
}

export async function resetPassword(emailOrUsername: string, password: string, options: { mustChange?: boolean } = {}) {
  const pw = parseInput(ZCreateUser.shape.password, password);
  const db = getDb();
  const user = await db.user.findFirst({
    where: { OR: [{ email: emailOrUsername.toLowerCase() }, { username: emailOrUsername }], deletedAt: null },
    select: { id: true },
  });
  if (!user) throw notFound(`No user ${emailOrUsername}`);
  await db.$transaction([
    db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(pw), mustChangePassword: options.mustChange ?? false },
      select: { id: true },
    }),
    // A new password signs the user out everywhere.
    db.session.deleteMany({ where: { userId: user.id } }),
  ]);
  await revokeUserApiKeys(user.id);
  return user;
}
