import type { ReactNode } from "react";
import { LogoMark } from "@/components/shell/logo.tsx";
import { getInstanceName } from "@/lib/settings/instance-name.ts";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const instanceName = await getInstanceName();
  return (
    <div className="relative flex min-h-dvh flex-col items-center px-4 py-12 sm:py-20">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-72 bg-gradient-to-b from-accent-soft/70 to-transparent"
      />
      <main id="main" className="relative flex w-full max-w-[400px] flex-col items-center gap-6">
        <div className="flex items-center gap-2.5 text-lg font-semibold tracking-tight">
          <LogoMark size={30} />
          <span>{instanceName}</span>
        </div>
        {children}
      </main>
    </div>
  );
}
