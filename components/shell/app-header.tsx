import Link from "next/link";
import type { ReactNode } from "react";
import { GlobalSearch } from "@/components/search/global-search.tsx";
import type { Theme } from "@/lib/users/theme.ts";
import { LogoMark } from "./logo.tsx";
import { MainNav } from "./main-nav.tsx";
import { UserMenu } from "./user-menu.tsx";

export type ShellUser = {
  id?: number;
  username: string;
  isAdmin: boolean;
  language: string;
  theme: Theme;
  avatarUrl?: string | null;
};

export function AppHeader({
  instanceName,
  user,
  timer,
  bell,
}: {
  instanceName: string;
  user: ShellUser;
  timer?: ReactNode;
  bell?: ReactNode;
}) {
  return (
    <header className="sticky top-0 z-30 print:hidden border-b border-border bg-surface/95 backdrop-blur supports-[backdrop-filter]:bg-surface/85">
      <div className="flex h-12 items-center gap-2 px-3 sm:gap-4 sm:px-6">
        <Link
          href="/"
          className="-ml-1 flex shrink-0 items-center gap-2 rounded-md px-1 py-1 font-semibold tracking-tight text-text"
        >
          <LogoMark size={22} />
          {/* On phones the mark alone: the name stays for screen readers. */}
          <span className="sr-only max-w-48 truncate text-[15px] sm:not-sr-only">{instanceName}</span>
        </Link>
        <MainNav isAdmin={user.isAdmin} userId={user.id} />
        <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
          <GlobalSearch />
          {timer}
          {bell}
          <UserMenu user={user} />
        </div>
      </div>
    </header>
  );
}
