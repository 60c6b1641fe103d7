// Readable names of audit actions (en/de); an action without a label shows its code.
import type { MessageKey, T } from "@/lib/i18n/index.ts";

export const AUDIT_GROUPS = ["auth", "mfa", "session", "user", "group", "settings", "api_key", "project"] as const;

export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.locked",
  "auth.signup",
  "auth.password_reset_requested",
  "auth.password_reset",
  "auth.password_reset_email_failed",
  "mfa.enabled",
  "mfa.disabled",
  "mfa.reset",
  "mfa.recovery_codes_regenerated",
  "mfa.recovery_code_used",
  "session.revoked",
  "user.created",
  "user.updated",
  "user.disabled",
  "user.enabled",
  "user.deleted",
  "user.password_changed",
  "user.password_reset_forced",
  "user.identity_linked",
  "group.created",
  "group.updated",
  "group.deleted",
  "group.member_added",
  "group.member_removed",
  "group.access_changed",
  "settings.updated",
  "settings.test_email",
  "settings.sso_updated",
  "api_key.created",
  "api_key.revoked",
  "project.member_added",
  "project.member_removed",
  "project.role_changed",
  "webhook.created",
  "webhook.deleted",
] as const;

const KNOWN = new Set<string>(AUDIT_ACTIONS);

/** `t` is the server's translator(language) or the client's useT(). */
export function actionLabel(t: T, action: string): string {
  return KNOWN.has(action) ? t(`system.audit.action.${action}` as MessageKey) : action;
}

export const groupLabel = (t: T, group: (typeof AUDIT_GROUPS)[number]) => t(`system.audit.group.${group}` as MessageKey);
