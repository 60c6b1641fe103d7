import type { Metadata } from "next";
import { NotificationPreferences } from "@/components/chat/notification-preferences.tsx";
import { AccountSection } from "@/components/profile/account-section.tsx";
import { ApiKeysSection } from "@/components/profile/api-keys-section.tsx";
import { AvatarSection } from "@/components/profile/avatar-section.tsx";
import { CalendarSection } from "@/components/profile/calendar-section.tsx";
import { MfaSection } from "@/components/profile/mfa-section.tsx";
import { PasswordSection } from "@/components/profile/password-section.tsx";
import { ProfileNav } from "@/components/profile/profile-nav.tsx";
import { SessionsSection } from "@/components/profile/sessions-section.tsx";
import { PageContainer, PageHeader } from "@/components/shell/page-header.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { listApiKeys } from "@/lib/auth/api-keys.ts";
import { requireActor } from "@/lib/auth/current.ts";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords.ts";
import { listProjects } from "@/lib/boards/projects.ts";
import { listFeeds } from "@/lib/calendar/feeds.ts";
import { translate, translator } from "@/lib/i18n/index.ts";
import { getNotificationPreferences } from "@/lib/notifications/notify.ts";
import { avatarLimit } from "@/lib/users/avatar.ts";
import { getProfile, mySessions } from "@/lib/users/profile.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const actor = await requireActor();
  return { title: translate(actor.language, "profile.title") };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export default async function ProfilePage() {
  const actor = await requireActor();
  const [profile, sessions, keys, projects, maxAvatarBytes, notifyPrefs, feeds] = await Promise.all([
    getProfile(actor),
    mySessions(actor),
    listApiKeys(actor),
    listProjects(actor),
    avatarLimit(),
    getNotificationPreferences(actor),
    listFeeds(actor),
  ]);
  const t = translator(profile.language);
  return (
    <PageContainer className="max-w-5xl">
      <PageHeader title={t("profile.title")} description={t("profile.description")} />
      <div className="mt-6 grid gap-6 md:grid-cols-[11rem_minmax(0,1fr)]">
        <ProfileNav />
        <div className="flex min-w-0 flex-col gap-6">
          <AccountSection
            key={`${profile.username}:${profile.language}`}
            username={profile.username}
            email={profile.email}
            language={profile.language}
            theme={profile.theme}
          />
          <SectionCard id="notifications" title={t("notifications.pref.title")} description={t("notifications.pref.hint")}>
            <NotificationPreferences initial={notifyPrefs.email} />
          </SectionCard>
          <SectionCard id="calendar" title={t("calendar.title")} description={t("calendar.description")}>
            <CalendarSection
              initialDays={notifyPrefs.dueReminderDays}
              initialFeeds={feeds}
              projects={projects.map((p) => ({ slug: p.slug, name: p.name }))}
            />
          </SectionCard>
          <AvatarSection username={profile.username} avatarUrl={profile.avatarUrl} maxBytes={maxAvatarBytes} />
          <PasswordSection username={profile.username} minLength={MIN_PASSWORD_LENGTH} />
          <SectionCard id="two-factor" title={t("profile.mfa.title")} description={t("profile.mfa.description")}>
            <MfaSection enabled={profile.mfaEnabled} recoveryCodesLeft={profile.recoveryCodesLeft} />
          </SectionCard>
          <SessionsSection
            key={sessions.map((s) => s.id).join(",")}
            initial={sessions.map((s) => ({
              id: s.id,
              device: s.device,
              ip: s.ip,
              createdAt: s.createdAt.toISOString(),
              lastActiveAt: s.lastActiveAt.toISOString(),
              current: s.current,
            }))}
          />
          <ApiKeysSection
            initial={keys.map((k) => ({
              id: k.id,
              name: k.name,
              prefix: k.prefix,
              project: k.project,
              createdAt: k.createdAt.toISOString(),
              lastUsedAt: iso(k.lastUsedAt),
              expiresAt: iso(k.expiresAt),
              status: k.status,
            }))}
            projects={projects.map((p) => ({ slug: p.slug, name: p.name }))}
          />
        </div>
      </div>
    </PageContainer>
  );
}
