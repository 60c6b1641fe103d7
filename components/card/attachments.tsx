"use client";

// The card's attachments: thumbnails of images, download links, delete (the uploader or a project
// admin), and the reusable upload widget (picker, drag and drop, paste, progress per file).
import { useCallback, useEffect, useState } from "react";
import { UploadWidget } from "@/components/attachments/upload-widget.tsx";
import { useT } from "@/components/i18n-provider.tsx";
import { buttonClasses } from "@/components/ui/button.tsx";
import { DownloadIcon, FolderIcon, XIcon } from "@/components/ui/icons.tsx";
import { toast } from "@/components/ui/toast.tsx";
import type { AttachmentJson } from "@/lib/attachments/attachments.ts";
import { cardApi } from "./api.ts";
import { Section } from "./section.tsx";

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function CardAttachments({
  base,
  canEdit,
  isAdmin,
  me,
  reloadKey,
}: {
  base: string;
  canEdit: boolean;
  isAdmin: boolean;
  me: { id: number };
  /** Changes when a live attachment event for this card arrived: the list is read again. */
  reloadKey: number;
}) {
  const t = useT();
  const [items, setItems] = useState<AttachmentJson[] | null>(null);

  useEffect(() => {
    let stale = false;
    void reloadKey;
    cardApi<AttachmentJson[]>(`${base}/attachments`)
      .then((list) => !stale && setItems(list))
      .catch(() => !stale && setItems((x) => x ?? []));
    return () => {
      stale = true;
    };
  }, [base, reloadKey]);

  const add = useCallback(
    (a: AttachmentJson) => setItems((list) => (list?.some((x) => x.id === a.id) ? list : [...(list ?? []), a])),
    [],
  );
  const remove = async (a: AttachmentJson) => {
    if (!window.confirm(t("attachments.confirmDelete"))) return;
    try {
      await cardApi(`/api/v1/attachments/${a.id}`, { method: "DELETE" });
      setItems((list) => (list ?? []).filter((x) => x.id !== a.id));
    } catch (e) {
      toast(t("card.failed", { message: (e as Error).message }), { variant: "error" });
    }
  };

  return (
    <Section title={t("attachments.title")} id="card-attachments">
      <UploadWidget<AttachmentJson> uploadUrl={`${base}/attachments`} disabled={!canEdit} onUploaded={add}>
        {items && items.length === 0 ? <p className="text-sm text-muted">{t("attachments.none")}</p> : null}
        <ul className="grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-2" data-testid="attachment-list">
          {(items ?? []).map((a) => (
            <li
              key={a.id}
              className="group relative flex flex-col overflow-hidden rounded-md border border-border bg-surface"
              data-testid="attachment"
            >
              <a
                href={a.url}
                target="_blank"
                rel="noopener"
                className="flex h-24 items-center justify-center bg-surface-2 text-muted"
                aria-label={a.originalName}
              >
                {a.thumbnailUrl ? (
                  // biome-ignore lint/performance/noImgElement: a server-made thumbnail behind auth, not a Next image
                  <img src={a.thumbnailUrl} alt="" className="h-full w-full object-cover" loading="lazy" />
                ) : (
                  <FolderIcon size={28} />
                )}
              </a>
              <div className="flex items-center gap-1 px-2 py-1.5">
                <div className="min-w-0 flex-1">
                  <a
                    href={a.url}
                    download={a.originalName}
                    className="block truncate text-xs font-medium text-text hover:underline"
                    aria-label={t("attachments.download", { name: a.originalName })}
                    title={a.originalName}
                  >
                    {a.originalName}
                  </a>
                  <span className="block truncate text-[11px] text-muted">
                    {t("attachments.by", { size: formatSize(a.size), user: a.uploadedBy?.username ?? "—" })}
                  </span>
                </div>
                <a
                  href={a.url}
                  download={a.originalName}
                  className={buttonClasses({ variant: "ghost", size: "sm", className: "px-1.5" })}
                  aria-label={t("attachments.download", { name: a.originalName })}
                >
                  <DownloadIcon size={14} />
                </a>
                {canEdit && (isAdmin || a.uploadedBy?.id === me.id) ? (
                  <button
                    type="button"
                    className={buttonClasses({ variant: "ghost", size: "sm", className: "px-1.5" })}
                    aria-label={t("attachments.delete", { name: a.originalName })}
                    onClick={() => remove(a)}
                  >
                    <XIcon size={14} />
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </UploadWidget>
    </Section>
  );
}
