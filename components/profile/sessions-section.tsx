"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import { Badge } from "@/components/ui/badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { MonitorIcon } from "@/components/ui/icons.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { displayIp } from "@/lib/http/display-ip.ts";
import { api, formatDateTime } from "./api.ts";

export type ProfileSession = {
  id: number;
  device: string | null;
  ip: string | null;
  createdAt: string;
  lastActiveAt: string;
  current: boolean;
};

export function SessionsSection({ initial }: { initial: ProfileSession[] }) {
  const t = useT();
  const language = useLanguage();
  const router = useRouter();
  const [sessions, setSessions] = useState(initial);
  const [busy, setBusy] = useState<number | "others" | null>(null);
  const [confirmCurrent, setConfirmCurrent] = useState(false);
  const [status, setStatus] = useState("");
  const others = sessions.filter((s) => !s.current).length;

  async function revoke(session: ProfileSession) {
    setBusy(session.id);
    const result = await api("DELETE", `/me/sessions/${session.id}`);
    setBusy(null);
    if (!result.ok && result.error.status !== 404) {
      toast(t(result.error.code === "network" ? "common.error.network" : "common.error.generic"), { variant: "error" });
      return;
    }
    if (session.current) {
      await signOut({ redirect: false });
      router.replace("/sign-in");
      router.refresh();
      return;
    }
    setSessions((list) => list.filter((s) => s.id !== session.id));
    setStatus(t("profile.sessions.revoked"));
    toast(t("profile.sessions.revoked"), { variant: "success" });
  }

  async function revokeOthers() {
    setBusy("others");
    const result = await api<{ revoked: number }>("POST", "/me/sessions/revoke-others");
    setBusy(null);
    if (!result.ok) {
      toast(t(result.error.code === "network" ? "common.error.network" : "common.error.generic"), { variant: "error" });
      return;
    }
    setSessions((list) => list.filter((s) => s.current));
    const message = t("profile.sessions.othersRevoked", { count: result.data.revoked });
    setStatus(message);
    toast(message, { variant: "success" });
  }

  const current = sessions.find((s) => s.current);

  return (
    <SectionCard
      id="sessions"
      title={t("profile.sessions.title")}
      description={t("profile.sessions.description")}
      actions={
        <Button onClick={revokeOthers} disabled={others === 0} loading={busy === "others"}>
          {t("profile.sessions.revokeOthers")}
        </Button>
      }
    >
      <ul className="divide-y divide-border rounded-md border border-border">
        {sessions.map((s) => {
          const device = s.device ?? t("profile.sessions.unknownDevice");
          return (
            <li key={s.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3" data-testid="session-row">
              <MonitorIcon size={18} className="shrink-0 text-muted" aria-hidden />
              <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{device}</span>
                  {s.current ? <Badge variant="success">{t("profile.sessions.thisDevice")}</Badge> : null}
                </div>
                <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-muted">
                  <div className="flex gap-1">
                    <dt>{t("profile.sessions.ip")}:</dt>
                    <dd className="tabular-nums">{displayIp(s.ip) ?? t("profile.sessions.unknownIp")}</dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>{t("profile.sessions.lastActive")}:</dt>
                    <dd>
                      <time dateTime={s.lastActiveAt} suppressHydrationWarning>
                        {formatDateTime(s.lastActiveAt, language)}
                      </time>
                    </dd>
                  </div>
                  <div className="flex gap-1">
                    <dt>{t("profile.sessions.created")}:</dt>
                    <dd>
                      <time dateTime={s.createdAt} suppressHydrationWarning>
                        {formatDateTime(s.createdAt, language)}
                      </time>
                    </dd>
                  </div>
                </dl>
              </div>
              <Button
                size="sm"
                variant="ghost"
                aria-label={t("profile.sessions.revokeLabel", { device })}
                loading={busy === s.id}
                onClick={() => (s.current ? setConfirmCurrent(true) : revoke(s))}
              >
                {t("profile.sessions.revoke")}
              </Button>
            </li>
          );
        })}
      </ul>
      {others === 0 ? <p className="mt-3 text-sm text-muted">{t("profile.sessions.noOthers")}</p> : null}
      <p aria-live="polite" className="sr-only">
        {status}
      </p>

      <Dialog open={confirmCurrent} onOpenChange={setConfirmCurrent}>
        <DialogContent
          size="sm"
          title={t("profile.sessions.revokeCurrentTitle")}
          description={t("profile.sessions.revokeCurrentBody")}
        >
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="ghost">{t("common.cancel")}</Button>
            </DialogClose>
            <Button
              variant="danger"
              loading={current !== undefined && busy === current.id}
              onClick={() => current && revoke(current)}
            >
              {t("profile.sessions.revoke")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </SectionCard>
  );
}
