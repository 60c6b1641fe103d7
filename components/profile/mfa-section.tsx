"use client";

// Placeholder until the MFA section lands (accounts issue): the profile page renders it.
export function MfaSection(_props: { enabled: boolean; recoveryCodesLeft: number }) {
  return null;
}
