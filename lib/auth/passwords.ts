import bcrypt from "bcryptjs";

export const BCRYPT_COST = 12;
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** Accounts made by single sign-on have no password: their hash is "!", which nothing matches. */
export const hasUsablePassword = (hash: string) => hash.startsWith("$2");

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  // Same work for an account without a password, so that the answer's time tells nothing.
  if (!hasUsablePassword(hash)) return burnPasswordCheck(password);
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so that a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<false> {
  dummyHash ??= bcrypt.hash("warmdesk-dummy-password", BCRYPT_COST);
  await bcrypt.compare(password, await dummyHash);
  return false;
}
