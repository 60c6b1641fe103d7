"use client";

import { useRouter } from "next/navigation";
import { type ChangeEvent, useCallback, useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";
import { Avatar } from "@/components/ui/avatar.tsx";
import { Button } from "@/components/ui/button.tsx";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog.tsx";
import { SectionCard } from "@/components/ui/section-card.tsx";
import { toast } from "@/components/ui/toast.tsx";
import { api, uploadAvatar } from "./api.ts";
import { AvatarCropper, type Crop, drawCrop, OUTPUT } from "./avatar-cropper.tsx";

const ACCEPT = ["image/png", "image/jpeg", "image/webp"];

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

export function AvatarSection({
  username,
  avatarUrl: initialUrl,
  maxBytes,
}: {
  username: string;
  avatarUrl: string | null;
  maxBytes: number;
}) {
  const t = useT();
  const router = useRouter();
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  const fileInput = useRef<HTMLInputElement>(null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const crop = useRef<Crop>({ zoom: 1, x: 0, y: 0 });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  // Shown at once after an upload or removal; the refreshed page (and header) follows.
  const [avatarUrl, setAvatarUrl] = useState(initialUrl);
  useEffect(() => setAvatarUrl(initialUrl), [initialUrl]);

  // The object URL of the chosen file lives as long as the crop dialog.
  useEffect(() => () => void (image && URL.revokeObjectURL(image.src)), [image]);

  const onCrop = useCallback((c: Crop) => {
    crop.current = c;
  }, []);

  function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    if (!ACCEPT.includes(file.type)) {
      toast(t("profile.avatar.badType"), { variant: "error" });
      return;
    }
    const img = new Image();
    img.onload = () => {
      crop.current = { zoom: 1, x: 0, y: 0 };
      setImage(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(img.src);
      toast(t("profile.avatar.unreadable"), { variant: "error" });
    };
    img.src = URL.createObjectURL(file);
  }

  async function onSave() {
    if (!image) return;
    setBusy(true);
    const canvas = document.createElement("canvas");
    drawCrop(canvas, image, crop.current, OUTPUT);
    let blob = await toBlob(canvas, "image/webp", 0.9);
    if (blob && blob.size > maxBytes) blob = await toBlob(canvas, "image/jpeg", 0.8);
    if (!blob) {
      setBusy(false);
      toast(t("profile.avatar.unreadable"), { variant: "error" });
      return;
    }
    const result = await uploadAvatar(blob);
    setBusy(false);
    if (result.ok) {
      setImage(null);
      setAvatarUrl(result.data.avatarUrl);
      setStatus(t("profile.avatar.saved"));
      toast(t("profile.avatar.saved"), { variant: "success" });
      router.refresh();
    } else {
      const key =
        result.error.code === "payload_too_large"
          ? "profile.avatar.tooLarge"
          : result.error.code === "unsupported_media_type"
            ? "profile.avatar.badType"
            : result.error.code === "network"
              ? "common.error.network"
              : "common.error.generic";
      toast(t(key, { mb }), { variant: "error" });
    }
  }

  async function onRemove() {
    setBusy(true);
    const result = await api("DELETE", "/me/avatar");
    setBusy(false);
    if (result.ok) {
      setAvatarUrl(null);
      setStatus(t("profile.avatar.removed"));
      toast(t("profile.avatar.removed"), { variant: "success" });
      router.refresh();
    } else toast(t("common.error.generic"), { variant: "error" });
  }

  return (
    <SectionCard id="avatar" title={t("profile.avatar.title")} description={t("profile.avatar.description", { mb })}>
      <div className="flex flex-wrap items-center gap-5">
        <Avatar username={username} src={avatarUrl} size="xl" />
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => fileInput.current?.click()} disabled={busy}>
              {avatarUrl ? t("profile.avatar.change") : t("profile.avatar.upload")}
            </Button>
            {avatarUrl ? (
              <Button variant="ghost" onClick={onRemove} loading={busy && !image}>
                {t("profile.avatar.remove")}
              </Button>
            ) : null}
          </div>
          {avatarUrl ? null : <p className="text-xs text-muted">{t("profile.avatar.none")}</p>}
        </div>
        <input
          ref={fileInput}
          type="file"
          accept={ACCEPT.join(",")}
          className="sr-only"
          tabIndex={-1}
          aria-label={t("profile.avatar.upload")}
          onChange={onFile}
        />
      </div>
      <p aria-live="polite" className="sr-only">
        {status}
      </p>

      <Dialog open={image !== null} onOpenChange={(open) => !open && setImage(null)}>
        {image ? (
          <DialogContent title={t("profile.avatar.cropTitle")} description={t("profile.avatar.cropDescription")}>
            <AvatarCropper image={image} onChange={onCrop} />
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="ghost">{t("common.cancel")}</Button>
              </DialogClose>
              <Button variant="primary" loading={busy} onClick={onSave}>
                {t("profile.avatar.save")}
              </Button>
            </DialogFooter>
          </DialogContent>
        ) : null}
      </Dialog>
    </SectionCard>
  );
}
