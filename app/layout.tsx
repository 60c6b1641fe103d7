import "./globals.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n-provider.tsx";
import { Toaster } from "@/components/ui/toast.tsx";
import { TooltipProvider } from "@/components/ui/tooltip.tsx";
import { currentActor } from "@/lib/auth/current.ts";
import { catalog, isLanguage, type Language, languageFromHeader } from "@/lib/i18n/index.ts";
import { getInstanceName } from "@/lib/settings/instance-name.ts";
import { getPreferences, type Theme } from "@/lib/users/preferences.ts";

export async function generateMetadata(): Promise<Metadata> {
  const name = await getInstanceName();
  return {
    title: { default: name, template: `%s · ${name}` },
    icons: { icon: "/favicon.svg" },
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f6f4" },
    { media: "(prefers-color-scheme: dark)", color: "#141312" },
  ],
};

/** The signed-in user's language and theme decide; visitors get their browser's language and the system theme. */
async function uiPreferences(): Promise<{ language: Language; theme: Theme }> {
  const actor = await currentActor();
  if (actor) {
    const prefs = await getPreferences(actor.userId);
    return { language: isLanguage(prefs.language) ? prefs.language : "en", theme: prefs.theme };
  }
  return { language: languageFromHeader((await headers()).get("accept-language")), theme: "system" };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { language, theme } = await uiPreferences();
  return (
    <html
      lang={language}
      data-theme-pref={theme}
      // "system" is resolved by a media query in globals.css: no script, no flash.
      data-theme={theme === "system" ? undefined : theme}
    >
      <body className="bg-bg text-text">
        <I18nProvider language={language} messages={catalog(language)}>
          <TooltipProvider>
            {children}
            <Toaster />
          </TooltipProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
