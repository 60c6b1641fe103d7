"use client";
// The active sprint above a scrum project's board: name, dates, days left, goal, and "Complete
// sprint"; without an active sprint, a pointer to the backlog (the board then shows no cards).
import Link from "next/link";
import { useState } from "react";
import type { Board } from "../../lib/boards/board.ts";
import { useLanguage, useT } from "../i18n-provider.tsx";
import { Button, buttonClasses } from "../ui/button.tsx";
import { formatDay, sprintTiming, todayIso } from "./format.ts";
import { CompleteSprintDialog } from "./sprint-dialogs.tsx";

type ActiveSprint = Board["project"]["activeSprint"];

export function SprintBar({
  slug,
  sprint,
  canEdit,
  onChanged,
}: {
  slug: string;
  sprint: ActiveSprint;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const [completing, setCompleting] = useState<number | null>(null);
  if (!sprint) {
    return (
      <div
        role="note"
        className="mx-5 mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-dashed border-border bg-surface px-4 py-2.5 text-[13px]"
        data-testid="no-active-sprint"
      >
        <span className="font-medium text-text">{t("scrum.board.noSprint")}</span>
        <span className="text-muted">{t("scrum.board.noSprintBody")}</span>
        <Link href={`/${slug}/backlog`} className={buttonClasses({ size: "sm", variant: "secondary", className: "ml-auto" })}>
          {t("scrum.board.toBacklog")}
        </Link>
      </div>
    );
  }
  const timing = sprintTiming(t, { status: "active", startDate: sprint.startDate, endDate: sprint.endDate });
  const isOver = sprint.endDate !== null && sprint.endDate < todayIso();
  return (
    <div
      className="mx-5 mb-3 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-accent/30 bg-accent-soft/40 px-4 py-2 text-[13px]"
      data-testid="active-sprint"
    >
      <span className="font-semibold text-text">{sprint.name}</span>
      {sprint.startDate && sprint.endDate ? (
        <span className="text-muted">
          {t("scrum.sprint.dates", { start: formatDay(sprint.startDate, language), end: formatDay(sprint.endDate, language) })}
        </span>
      ) : null}
      {timing ? <span className={isOver ? "font-medium text-warning" : "text-muted"}>· {timing}</span> : null}
      {sprint.goal ? (
        <span className="min-w-0 truncate text-muted" title={sprint.goal}>
          · <span className="font-medium text-text">{t("scrum.sprint.goal")}:</span> {sprint.goal}
        </span>
      ) : null}
      {canEdit ? (
        <Button size="sm" variant="secondary" className="ml-auto" onClick={() => setCompleting(sprint.id)}>
          {t("scrum.sprint.complete")}
        </Button>
      ) : null}
      <CompleteSprintDialog
        slug={slug}
        sprintId={completing}
        onOpenChange={(open) => !open && setCompleting(null)}
        onDone={onChanged}
      />
    </div>
  );
}
