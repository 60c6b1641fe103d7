// Fetch helpers of the profile page: the same REST routes scripts use (/api/v1/me/…).
import { type ApiFailure as ApiError, type ApiResult, apiResult as api } from "@/components/api-client.ts";
import { intlLocale } from "@/lib/i18n/locales.ts";

export { type ApiError, type ApiResult, api };

/** Uploads the cropped picture as the raw body of POST /api/v1/me/avatar. */
export async function uploadAvatar(blob: Blob): Promise<ApiResult<{ avatarUrl: string }>> {
  let res: Response;
  try {
    res = await fetch("/api/v1/me/avatar", { method: "POST", headers: { "content-type": blob.type || "image/png" }, body: blob });
  } catch {
    return { ok: false, error: { status: 0, code: "network", message: "", fields: [] } };
  }
  const json = (await res.json().catch(() => null)) as { avatarUrl?: string; error?: { code?: string; message?: string } } | null;
  if (res.ok && json?.avatarUrl) return { ok: true, data: { avatarUrl: json.avatarUrl } };
  return {
    ok: false,
    error: { status: res.status, code: json?.error?.code ?? "internal", message: json?.error?.message ?? "", fields: [] },
  };
}

/** Dates as the profile page shows them: "23 Nov 2026, 14:05" in the user's language. */
export function formatDateTime(iso: string | null, language: string): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function formatDate(iso: string | null, language: string): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "medium" }).format(new Date(iso));
}
