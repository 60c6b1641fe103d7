"use client";
// Project settings: which columns count as done (a project admin chooses; a new project marks "Done").
import { useState } from "react";
import type { getDoneColumns } from "../../lib/scrum/planning.ts";
import { useT } from "../i18n-provider.tsx";
import { api, projectPath } from "../project-settings/api.ts";
import { Section, useErrorToast, useSynced } from "../project-settings/parts.tsx";
import { Button } from "../ui/button.tsx";
import { toast } from "../ui/toast.tsx";

export type DoneColumns = Awaited<ReturnType<typeof getDoneColumns>>;

export function DoneColumnsSection({ slug, done, canEdit }: { slug: string; done: DoneColumns; canEdit: boolean }) {
  const t = useT();
  const showError = useErrorToast();
  const [current, setCurrent] = useSynced(done);
  const [chosen, setChosen] = useState<number[]>(done.columnIds);
  const [busy, setBusy] = useState(false);
  const key = (ids: number[]) => [...ids].sort((a, b) => a - b).join();
  const dirty = key(chosen) !== key(current.columnIds);

  async function save() {
    setBusy(true);
    const res = await api<DoneColumns>("PUT", `${projectPath(slug)}/done-columns`, { columnIds: chosen });
    setBusy(false);
    if (!res.ok) return showError(res.error);
    setCurrent(res.data);
    setChosen(res.data.columnIds);
    toast(t("scrum.done.saved"), { variant: "success" });
  }

  return (
    <Section id="settings-done-columns" title={t("scrum.done.title")} description={t("scrum.done.hint")}>
      <fieldset disabled={!canEdit} className="flex flex-col gap-2" data-testid="done-columns">
        <legend className="sr-only">{t("scrum.done.title")}</legend>
        <ul className="flex flex-wrap gap-2">
          {current.columns.map((c) => (
            <li key={c.id}>
              <label className="flex cursor-pointer items-center gap-2 rounded-md border border-border px-3 py-1.5 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:disabled]:cursor-not-allowed">
                <input
                  type="checkbox"
                  checked={chosen.includes(c.id)}
                  onChange={(e) =>
                    setChosen((list) => (e.target.checked ? [...new Set([...list, c.id])] : list.filter((id) => id !== c.id)))
                  }
                />
                {c.name}
              </label>
            </li>
          ))}
        </ul>
        {!current.isChosen ? <p className="text-xs text-warning">{t("scrum.done.default")}</p> : null}
      </fieldset>
      {canEdit ? (
        <div className="mt-3 flex justify-end">
          <Button variant="primary" loading={busy} disabled={!dirty} onClick={save}>
            {t("scrum.done.save")}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
