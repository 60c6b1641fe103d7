"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type RefObject, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { Field, Input } from "@/components/ui/input.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { suggestKey } from "./suggest-key.ts";

type ProjectType = "kanban" | "scrum";
type Errors = { name?: string; key?: string };

const KEY_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;

/** Opened by a button or the `n` shortcut; `returnFocusTo` gets focus back when it closes. */
export function NewProjectDialog({
  open,
  onOpenChange,
  returnFocusTo,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {/* Radix unmounts the content when closed, so the form starts empty each time. */}
      <NewProjectForm onDone={() => onOpenChange(false)} returnFocusTo={returnFocusTo} />
    </Dialog>
  );
}

function NewProjectForm({ onDone, returnFocusTo }: { onDone: () => void; returnFocusTo?: RefObject<HTMLElement | null> }) {
  const t = useT();
  const router = useRouter();
  const [name, setName] = useState("");
  const [key, setKey] = useState("");
  const [keyEdited, setKeyEdited] = useState(false);
  const [type, setType] = useState<ProjectType>("kanban");
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const example = `${key || "WR"}-42`;

  function onName(value: string) {
    setName(value);
    if (!keyEdited) setKey(suggestKey(value));
    if (errors.name) setErrors((e) => ({ ...e, name: undefined }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (!name.trim()) found.name = t("projects.error.name");
    if (!KEY_PATTERN.test(key)) found.key = t("projects.error.key");
    setErrors(found);
    if (found.name || found.key) {
      document.getElementById(found.name ? "project-name" : "project-key")?.focus();
      return;
    }
    setBusy(true);
    try {
      const res = await fetch("/api/v1/projects", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: name.trim(), key, type }),
      });
      const body = (await res.json().catch(() => null)) as {
        slug?: string;
        error?: { code?: string; details?: { fields?: Array<{ path: string }> } };
      } | null;
      if (res.ok && body?.slug) {
        toast(t("projects.create.created", { name: name.trim() }), { variant: "success" });
        onDone();
        router.push(`/${body.slug}`);
        return;
      }
      const paths = new Set((body?.error?.details?.fields ?? []).map((f) => f.path));
      const next: Errors = {};
      if (paths.has("key")) next.key = t("projects.error.key");
      if (paths.has("name")) next.name = t("projects.error.name");
      if (paths.has("slug") || body?.error?.code === "conflict") next.name = t("projects.error.taken");
      if (next.name || next.key) setErrors(next);
      else toast(t("common.error.generic"), { variant: "error" });
    } catch {
      toast(t("common.error.network"), { variant: "error" });
    }
    setBusy(false);
  }

  return (
    <DialogContent
      title={t("projects.create.title")}
      description={t("projects.create.description")}
      onCloseAutoFocus={(event) => {
        if (!returnFocusTo?.current) return;
        event.preventDefault();
        returnFocusTo.current.focus();
      }}
    >
      <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        <div className="grid grid-cols-[1fr_8.5rem] gap-3">
          <Field label={t("projects.create.name")} error={errors.name} id="project-name">
            <Input
              value={name}
              onChange={(e) => onName(e.target.value)}
              placeholder={t("projects.create.namePlaceholder")}
              maxLength={191}
              autoComplete="off"
              required
              autoFocus
            />
          </Field>
          <Field label={t("projects.create.key")} error={errors.key} id="project-key">
            <Input
              value={key}
              onChange={(e) => {
                setKeyEdited(true);
                setKey(
                  e.target.value
                    .toUpperCase()
                    .replace(/[^A-Z0-9]/g, "")
                    .slice(0, 10),
                );
                if (errors.key) setErrors((er) => ({ ...er, key: undefined }));
              }}
              maxLength={10}
              autoComplete="off"
              spellCheck={false}
              aria-describedby="project-key-hint"
              className="font-mono tracking-wide uppercase"
              required
            />
          </Field>
        </div>
        <p id="project-key-hint" className="-mt-2 text-xs text-muted">
          {t("projects.create.keyHint", { example })}
        </p>
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-[13px] font-medium">{t("projects.create.type")}</legend>
          <div className="grid grid-cols-2 gap-2">
            {(["kanban", "scrum"] as const).map((value) => (
              <label
                key={value}
                className={cn(
                  "flex cursor-pointer flex-col gap-0.5 rounded-lg border p-3 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring",
                  type === value ? "border-accent bg-accent-soft/50" : "border-border hover:bg-surface-2",
                )}
              >
                <span className="flex items-center gap-2 text-sm font-medium">
                  <input
                    type="radio"
                    name="type"
                    value={value}
                    checked={type === value}
                    onChange={() => setType(value)}
                    className="size-3.5 accent-[var(--color-accent)] focus-visible:outline-none"
                  />
                  {t(`projects.type.${value}`)}
                </span>
                <span className="pl-5.5 text-xs text-muted">
                  {t(value === "kanban" ? "projects.create.kanbanHint" : "projects.create.scrumHint")}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="ghost">{t("common.cancel")}</Button>
          </DialogClose>
          <Button type="submit" variant="primary" loading={busy}>
            {t("projects.create.submit")}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
