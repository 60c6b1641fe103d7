"use client";

// A reusable upload area: a keyboard-reachable "Add files" button (file picker, several files),
// drag and drop onto the area, and pasting an image while the area (or nothing) has focus. Each
// file is sent on its own XMLHttpRequest (multipart field `file`) so that it gets its own progress bar.
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Button } from "@/components/ui/button.tsx";
import { cn } from "@/components/ui/cn.ts";
import { PlusIcon } from "@/components/ui/icons.tsx";
import { toast } from "@/components/ui/toast.tsx";

type Progress = { id: number; name: string; loaded: number; total: number };

let nextUploadId = 1;

/** Sends one file; resolves with the server's JSON, rejects with its error message. */
export function uploadFile(url: string, file: File, onProgress: (loaded: number, total: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const body = xhr.response as { error?: { message?: string } } | null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new Error(body?.error?.message ?? `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error("network error"));
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

export function UploadWidget<T>({
  uploadUrl,
  disabled = false,
  onUploaded,
  children,
  className,
}: {
  uploadUrl: string;
  disabled?: boolean;
  /** Called once per stored file with the server's answer. */
  onUploaded: (attachment: T) => void;
  /** Shown inside the drop area (e.g. the list of attachments). */
  children?: ReactNode;
  className?: string;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const zone = useRef<HTMLDivElement>(null);
  const [uploads, setUploads] = useState<Progress[]>([]);
  const [dragging, setDragging] = useState(false);

  const send = useCallback(
    (files: File[]) => {
      if (disabled) return;
      for (const file of files) {
        const id = nextUploadId++;
        setUploads((list) => [...list, { id, name: file.name, loaded: 0, total: file.size }]);
        uploadFile(uploadUrl, file, (loaded, total) =>
          setUploads((list) => list.map((u) => (u.id === id ? { ...u, loaded, total } : u))),
        )
          .then((json) => {
            for (const a of Array.isArray(json) ? json : [json]) onUploaded(a as T);
          })
          .catch((e: Error) => toast(t("attachments.failed", { name: file.name, message: e.message }), { variant: "error" }))
          .finally(() => setUploads((list) => list.filter((u) => u.id !== id)));
      }
    },
    [disabled, uploadUrl, onUploaded, t],
  );

  // Paste an image: while focus is in the area, or nowhere in particular (the page body).
  useEffect(() => {
    if (disabled) return;
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as Node | null;
      const inZone = !!target && !!zone.current?.contains(target);
      if (!inZone && target !== document.body) return;
      const files = Array.from(e.clipboardData?.files ?? []);
      if (files.length === 0) return;
      e.preventDefault();
      send(files.map((f) => (f.name ? f : new File([f], `${t("attachments.pasted")}.png`, { type: f.type }))));
    };
    document.addEventListener("paste", onPaste);
    return () => document.removeEventListener("paste", onPaste);
  }, [disabled, send, t]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the button is the keyboard way in
    <div
      ref={zone}
      data-testid="upload-zone"
      className={cn(
        "rounded-lg border border-dashed border-border p-3 transition-colors",
        dragging && "border-accent bg-surface-2",
        className,
      )}
      onDragOver={(e) => {
        if (disabled || !e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!zone.current?.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        if (disabled) return;
        e.preventDefault();
        setDragging(false);
        send(Array.from(e.dataTransfer.files));
      }}
    >
      {children}
      {uploads.length > 0 ? (
        <ul className="mt-2 flex flex-col gap-1.5" aria-live="polite">
          {uploads.map((u) => (
            <li key={u.id} className="text-xs text-muted" data-testid="upload-progress">
              <span className="block truncate">{t("attachments.uploading", { name: u.name })}</span>
              <progress
                className="h-1.5 w-full overflow-hidden rounded accent-[var(--color-accent)]"
                max={Math.max(u.total, 1)}
                value={u.loaded}
                aria-label={t("attachments.uploading", { name: u.name })}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {disabled ? null : (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-muted">
          <span>{dragging ? t("attachments.dropActive") : t("attachments.dropHint")}</span>
          <Button size="sm" variant="secondary" onClick={() => input.current?.click()}>
            <PlusIcon size={14} />
            {t("attachments.add")}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            className="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            data-testid="upload-input"
            onChange={(e) => {
              send(Array.from(e.target.files ?? []));
              e.target.value = "";
            }}
          />
        </div>
      )}
    </div>
  );
}
