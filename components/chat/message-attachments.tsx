"use client";
// Files in chat: what a message carries (image thumbnails that open the full picture, other files
// as downloads), and the composer's files waiting to be sent (picked, dropped or pasted), with the
// upload progress once the message is posted.
import { useRef } from "react";
import { uploadFile } from "@/components/attachments/upload-widget.tsx";
import { formatSize } from "@/components/card/attachments.tsx";
import { useT } from "@/components/i18n-provider.tsx";
import { IconButton } from "@/components/ui/button.tsx";
import { DownloadIcon, PlusIcon, XIcon } from "@/components/ui/icons.tsx";
import type { AttachmentJson } from "@/lib/attachments/attachments.ts";

export type MessageAttachment = Pick<AttachmentJson, "id" | "url" | "thumbnailUrl" | "isImage" | "size" | "originalName">;

export function MessageAttachments({ files }: { files: MessageAttachment[] }) {
  const t = useT();
  if (!files.length) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-2" data-testid="message-attachments">
      {files.map((a) =>
        a.isImage && a.thumbnailUrl ? (
          <li key={a.id}>
            <a href={a.url} target="_blank" rel="noreferrer" className="block rounded-md border border-border">
              {/* biome-ignore lint/performance/noImgElement: a server-made thumbnail, already small. */}
              <img src={a.thumbnailUrl} alt={a.originalName} className="max-h-40 max-w-60 rounded-md object-contain" />
            </a>
          </li>
        ) : (
          <li key={a.id}>
            <a
              href={a.url}
              download={a.originalName}
              className="inline-flex items-center gap-1.5 rounded-md border border-border bg-surface px-2 py-1 text-xs text-text hover:border-accent"
              aria-label={t("attachments.download", { name: a.originalName })}
            >
              <DownloadIcon size={13} />
              <span className="max-w-48 truncate">{a.originalName}</span>
              <span className="text-muted">{formatSize(a.size)}</span>
            </a>
          </li>
        ),
      )}
    </ul>
  );
}

export type PendingFile = { key: number; file: File; loaded: number };
let nextKey = 1;
export const pending = (file: File): PendingFile => ({ key: nextKey++, file, loaded: 0 });

/** Files taken from a drop or a paste (a pasted screenshot gets a name). */
export function filesOf(list: FileList | null | undefined, pastedName: string): File[] {
  return [...(list ?? [])].map((f) =>
    f.name ? f : new File([f], `${pastedName}.${f.type.split("/")[1] ?? "png"}`, { type: f.type }),
  );
}

/** Uploads the files to the posted message, one request each, reporting progress. */
export async function sendFiles(
  url: string,
  files: PendingFile[],
  onProgress: (key: number, loaded: number) => void,
  onStored: (a: MessageAttachment) => void,
): Promise<string[]> {
  const failures: string[] = [];
  await Promise.all(
    files.map((p) =>
      uploadFile(url, p.file, (loaded) => onProgress(p.key, loaded)).then(
        (json) => {
          for (const a of Array.isArray(json) ? json : [json]) onStored(a as MessageAttachment);
        },
        (e: Error) => failures.push(`${p.file.name}: ${e.message}`),
      ),
    ),
  );
  return failures;
}

/** The composer's paperclip (a file picker) and its waiting files. */
export function ComposerFiles({
  files,
  busy,
  onAdd,
  onRemove,
}: {
  files: PendingFile[];
  busy: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (key: number) => void;
}) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          onAdd(filesOf(e.target.files, t("attachments.pasted")));
          e.target.value = "";
        }}
      />
      <IconButton label={t("attachments.add")} onClick={() => input.current?.click()} disabled={busy} data-testid="chat-attach">
        <PlusIcon />
      </IconButton>
      {files.length ? (
        <ul className="order-first flex basis-full flex-wrap gap-1.5" data-testid="composer-files">
          {files.map((p) => (
            <li
              key={p.key}
              className="relative inline-flex items-center gap-1 overflow-hidden rounded-md border border-border bg-surface-2 py-0.5 pr-0.5 pl-2 text-xs"
            >
              <span className="max-w-48 truncate">{p.file.name}</span>
              <span className="text-muted">{formatSize(p.file.size)}</span>
              {busy ? (
                <progress
                  className="absolute inset-x-0 bottom-0 h-0.5 w-full"
                  max={p.file.size || 1}
                  value={p.loaded}
                  aria-label={t("attachments.uploading", { name: p.file.name })}
                />
              ) : (
                <IconButton label={t("attachments.delete", { name: p.file.name })} size="sm" onClick={() => onRemove(p.key)}>
                  <XIcon size={12} />
                </IconButton>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
