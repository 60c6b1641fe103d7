// TOTP multi-factor authentication (RFC 6238 via otplib): enrolment, verification with replay
// refusal, recovery codes, and turning it off. (Being built: see the accounts issue.)
import type { Prisma } from "../db/client.ts";
import { getDb } from "../db/client.ts";

type Tx = Prisma.TransactionClient;

/** Turns MFA off for a user and forgets the secret and recovery codes (self-service or an admin reset). */
export async function clearMfa(userId: number, tx: Tx = getDb() as unknown as Tx): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { mfaEnabled: false, totpSecret: null, totpLastStep: null },
    select: { id: true },
  });
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
}
