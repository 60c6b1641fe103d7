import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/chat/notification-bell.tsx";
import { AppHeader } from "@/components/shell/app-header.tsx";
import { HeaderTimer } from "@/components/time/header-timer.tsx";
import { currentActor } from "@/lib/auth/current.ts";
import { translator } from "@/lib/i18n/index.ts";
import { getInstanceName } from "@/lib/settings/instance-name.ts";
import { getTimer } from "@/lib/time/timer.ts";
import { getPreferences } from "@/lib/users/preferences.ts";
import { userAvatarUrl } from "@/lib/users/profile.ts";
import { hasAnyUser } from "@/lib/users/users.ts";

// Pages under (app) check access themselves too: a layout does not guard route handlers or actions.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect((await hasAnyUser()) ? "/sign-in" : "/setup");
  const [instanceName, prefs, avatarUrl, timer] = await Promise.all([
    getInstanceName(),
    getPreferences(actor.userId),
    userAvatarUrl(actor),
    getTimer(actor),
  ]);
  const t = translator(prefs.language);
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-accent text-sm font-medium text-accent-fg shadow-md focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2"
      >
        {t("shell.skipToContent")}
      </a>
      <AppHeader
        instanceName={instanceName}
        user={{
          id: actor.userId,
          username: actor.username,
          isAdmin: actor.isAdmin,
          language: prefs.language,
          theme: prefs.theme,
          avatarUrl,
        }}
        timer={<HeaderTimer userId={actor.userId} initial={timer} />}
        bell={<NotificationBell userId={actor.userId} />}
      />
      <main id="main" tabIndex={-1} className="flex min-h-0 flex-1 flex-col focus:outline-none">
        {children}
      </main>
    </div>
  );
}
