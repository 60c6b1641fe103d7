import "./globals.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n-provider.tsx";
import { ServiceWorker } from "@/components/shell/service-worker.tsx";
import { Toaster } from "@/components/ui/toast.tsx";
import { TooltipProvider } from "@/components/ui/tooltip.tsx";
import { currentActor } from "@/lib/auth/current.ts";
import { catalog, isLanguage, type Language } from "@/lib/i18n/index.ts";
import { accentCss } from "@/lib/settings/colors.ts";
import { getInstanceName } from "@/lib/settings/instance-name.ts";
import { visitorLanguage } from "@/lib/settings/language.ts";
import { getSetting } from "@/lib/settings/settings.ts";
import { getPreferences, type Theme } from "@/lib/users/preferences.ts";

export async function generateMetadata(): Promise<Metadata> {
  const name = await getInstanceName();
  return {
    title: { default: name, template: `%s · ${name}` },
    icons: { icon: "/favicon.svg", apple: "/icons/icon-192.png" },
    manifest: "/manifest.webmanifest",
    appleWebApp: { capable: true, title: name },
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f6f4" },
    { media: "(prefers-color-scheme: dark)", color: "#141312" },
  ],
};

/** The signed-in user's language and theme decide; visitors get their browser's language (or the
 * instance's default language) and the system theme. */
async function uiPreferences(): Promise<{ language: Language; theme: Theme }> {
  const actor = await currentActor();
  if (actor) {
    const prefs = await getPreferences(actor.userId);
    return { language: isLanguage(prefs.language) ? prefs.language : "en", theme: prefs.theme };
  }
  return { language: await visitorLanguage((await headers()).get("accept-language")), theme: "system" };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ language, theme }, accent] = await Promise.all([uiPreferences(), getSetting("accent_color")]);
  // The instance's accent colour replaces the built-in accent tokens, for light and dark at once.
  const brandCss = accentCss(accent);
  return (
    <html
      lang={language}
      data-theme-pref={theme}
      // "system" is resolved by a media query in globals.css: no script, no flash.
      data-theme={theme === "system" ? undefined : theme}
    >
      {brandCss ? (
        <head>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: computed from a validated #rrggbb value only */}
          <style id="wd-brand" dangerouslySetInnerHTML={{ __html: brandCss }} />
        </head>
      ) : null}
      <body className="bg-bg text-text">
        <I18nProvider language={language} messages={catalog(language)}>
          <TooltipProvider>
            {children}
            <Toaster />
            <ServiceWorker />
          </TooltipProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
