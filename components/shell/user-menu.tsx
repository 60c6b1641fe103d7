"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { applyTheme } from "@/components/theme/apply-theme.ts";
import { Avatar } from "@/components/ui/avatar.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import {
  ChevronDownIcon,
  GlobeIcon,
  InfoIcon,
  LogOutIcon,
  MonitorIcon,
  MoonIcon,
  SunIcon,
  UserIcon,
} from "@/components/ui/icons.tsx";
import {
  Menu,
  MenuContent,
  MenuItem,
  MenuLabel,
  MenuRadioGroup,
  MenuRadioItem,
  MenuSeparator,
  MenuTrigger,
} from "@/components/ui/menu.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from "@/lib/i18n/locales.ts";
import { savePreferences } from "@/lib/users/preferences-action.ts";
import { isTheme, type Theme } from "@/lib/users/theme.ts";
import { AboutDialog } from "./about-dialog.tsx";
import type { ShellUser } from "./app-header.tsx";

const THEME_ICONS = { light: SunIcon, dark: MoonIcon, system: MonitorIcon } as const;

export function UserMenu({ user }: { user: ShellUser }) {
  const t = useT();
  const router = useRouter();
  const [theme, setTheme] = useState<Theme>(user.theme);
  const [, startTransition] = useTransition();
  const [aboutOpen, setAboutOpen] = useState(false);

  function onLanguage(value: string) {
    if (!isLanguage(value)) return;
    startTransition(async () => {
      const result = await savePreferences({ language: value });
      if (result.ok) router.refresh();
      else toast(t("common.error.generic"), { variant: "error" });
    });
  }

  function onTheme(value: string) {
    if (!isTheme(value)) return;
    setTheme(value);
    applyTheme(value);
    startTransition(async () => {
      const result = await savePreferences({ theme: value });
      // Refresh so that the server-rendered <html> attributes agree with the new choice.
      if (result.ok) router.refresh();
      else toast(t("common.error.generic"), { variant: "error" });
    });
  }

  async function onSignOut() {
    // A single sign-on session also ends at the provider when it offers that (RP-initiated logout):
    // ask where to go while the session cookie still says how it was made.
    const provider = await fetch("/api/auth/sso/end-session")
      .then((res) => (res.ok ? (res.json() as Promise<{ url: string | null }>) : { url: null }))
      .catch(() => ({ url: null }));
    // No redirect by next-auth: its absolute URL depends on NEXTAUTH_URL, which self-hosters may not set.
    await signOut({ redirect: false });
    if (provider.url) {
      window.location.assign(provider.url);
      return;
    }
    router.replace("/sign-in");
    router.refresh();
  }

  return (
    <>
      <Menu>
        <MenuTrigger
          aria-label={t("user.menu", { username: user.username })}
          className="flex h-8 items-center gap-2 rounded-full py-0.5 pr-2 pl-0.5 text-[13px] font-medium text-text hover:bg-surface-2 data-[state=open]:bg-surface-2"
        >
          <Avatar username={user.username} src={user.avatarUrl} size="sm" decorative />
          <span className="hidden max-w-32 truncate sm:inline">{user.username}</span>
          <ChevronDownIcon size={14} className="text-muted" />
        </MenuTrigger>
        <MenuContent className="w-60">
          <div className="flex items-center gap-2.5 px-2 pt-2 pb-2.5">
            <Avatar username={user.username} src={user.avatarUrl} size="md" decorative />
            <div className="flex min-w-0 flex-col">
              <span className="text-xs text-muted">{t("user.signedInAs")}</span>
              <span className="truncate font-medium">{user.username}</span>
            </div>
            {user.isAdmin ? (
              <Badge variant="accent" className="ml-auto">
                {t("nav.admin")}
              </Badge>
            ) : null}
          </div>
          <MenuSeparator />
          <MenuItem asChild>
            <Link href="/profile">
              <UserIcon />
              {t("profile.title")}
            </Link>
          </MenuItem>
          <MenuSeparator />
          <MenuLabel className="flex items-center gap-1.5">
            <GlobeIcon size={13} />
            {t("user.language")}
          </MenuLabel>
          <MenuRadioGroup value={user.language} onValueChange={onLanguage}>
            {LANGUAGES.map((code) => (
              <MenuRadioItem key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </MenuRadioItem>
            ))}
          </MenuRadioGroup>
          <MenuSeparator />
          <MenuLabel>{t("user.theme")}</MenuLabel>
          <MenuRadioGroup value={theme} onValueChange={onTheme}>
            {(["light", "dark", "system"] as const).map((value) => {
              const Icon = THEME_ICONS[value];
              return (
                <MenuRadioItem key={value} value={value}>
                  <Icon />
                  {t(`theme.${value}`)}
                </MenuRadioItem>
              );
            })}
          </MenuRadioGroup>
          <MenuSeparator />
          <MenuItem onSelect={() => setAboutOpen(true)}>
            <InfoIcon />
            {t("about.menu")}
          </MenuItem>
          <MenuItem onSelect={onSignOut}>
            <LogOutIcon />
            {t("user.signOut")}
          </MenuItem>
        </MenuContent>
      </Menu>
      <AboutDialog open={aboutOpen} onOpenChange={setAboutOpen} />
    </>
  );
}
