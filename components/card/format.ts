import { useLanguage } from "@/components/i18n-provider.tsx";

/** Date and time in the user's language. */
export function useDateFormat() {
  const language = useLanguage();
  return (iso: string) => new Date(iso).toLocaleString(language, { dateStyle: "medium", timeStyle: "short" });
}
