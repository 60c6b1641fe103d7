"use client";

import { type KeyboardEvent, type PointerEvent, useCallback, useEffect, useRef, useState } from "react";
import { useT } from "@/components/i18n-provider.tsx";

const VIEW = 256;
export const OUTPUT = 512;
const MAX_ZOOM = 4;

export type Crop = { zoom: number; x: number; y: number };

/** The source rectangle (image pixels) that the square viewport shows. */
export function sourceRect(width: number, height: number, crop: Crop) {
  const scale = Math.max(VIEW / width, VIEW / height) * crop.zoom;
  const size = VIEW / scale;
  return { sx: width / 2 - (VIEW / 2 + crop.x) / scale, sy: height / 2 - (VIEW / 2 + crop.y) / scale, size };
}

/** Keeps the picture covering the whole square. */
function clamp(width: number, height: number, crop: Crop): Crop {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, crop.zoom));
  const scale = Math.max(VIEW / width, VIEW / height) * zoom;
  const maxX = (width * scale - VIEW) / 2;
  const maxY = (height * scale - VIEW) / 2;
  return { zoom, x: Math.max(-maxX, Math.min(maxX, crop.x)), y: Math.max(-maxY, Math.min(maxY, crop.y)) };
}

/** Draws the cropped square of `image` into a canvas of `size` pixels. */
export function drawCrop(canvas: HTMLCanvasElement, image: HTMLImageElement, crop: Crop, size: number) {
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const { sx, sy, size: s } = sourceRect(image.naturalWidth, image.naturalHeight, crop);
  ctx.imageSmoothingQuality = "high";
  ctx.clearRect(0, 0, size, size);
  ctx.drawImage(image, sx, sy, s, s, 0, 0, size, size);
}

/** A square crop of an image: drag to move, slider / wheel / keys to zoom. Reports the crop. */
export function AvatarCropper({ image, onChange }: { image: HTMLImageElement; onChange: (crop: Crop) => void }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [crop, setCropState] = useState<Crop>({ zoom: 1, x: 0, y: 0 });
  const drag = useRef<{ id: number; x: number; y: number; start: Crop } | null>(null);

  const setCrop = useCallback(
    (next: Crop) => {
      const clamped = clamp(image.naturalWidth, image.naturalHeight, next);
      setCropState(clamped);
      onChange(clamped);
    },
    [image, onChange],
  );

  useEffect(() => {
    if (!canvas.current) return;
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    drawCrop(canvas.current, image, crop, VIEW * ratio);
  }, [image, crop]);

  function onPointerDown(e: PointerEvent<HTMLCanvasElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, start: crop };
  }
  function onPointerMove(e: PointerEvent<HTMLCanvasElement>) {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const k = VIEW / rect.width;
    setCrop({ ...d.start, x: d.start.x + (e.clientX - d.x) * k, y: d.start.y + (e.clientY - d.y) * k });
  }
  function onPointerUp() {
    drag.current = null;
  }
  function onKeyDown(e: KeyboardEvent<HTMLCanvasElement>) {
    const step = e.shiftKey ? 32 : 8;
    const moves: Record<string, Partial<Crop>> = {
      ArrowLeft: { x: crop.x - step },
      ArrowRight: { x: crop.x + step },
      ArrowUp: { y: crop.y - step },
      ArrowDown: { y: crop.y + step },
      "+": { zoom: crop.zoom + 0.1 },
      "=": { zoom: crop.zoom + 0.1 },
      "-": { zoom: crop.zoom - 0.1 },
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    setCrop({ ...crop, ...move });
  }

  return (
    <div className="flex flex-col items-center gap-4">
      <div className="relative overflow-hidden rounded-lg border border-border bg-surface-2">
        <canvas
          ref={canvas}
          tabIndex={0}
          role="img"
          aria-label={t("profile.avatar.cropArea")}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onWheel={(e) => setCrop({ ...crop, zoom: crop.zoom - e.deltaY / 500 })}
          onKeyDown={onKeyDown}
          className="block size-64 cursor-grab touch-none focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-ring/40 active:cursor-grabbing"
        />
        {/* The round outline shows how the avatar will look in lists. */}
        <div aria-hidden className="pointer-events-none absolute inset-0 rounded-full shadow-[0_0_0_999px_rgb(0_0_0/0.35)]" />
      </div>
      <label className="flex w-64 items-center gap-3 text-sm text-muted">
        <span className="shrink-0">{t("profile.avatar.zoom")}</span>
        <input
          type="range"
          min={1}
          max={MAX_ZOOM}
          step={0.01}
          value={crop.zoom}
          onChange={(e) => setCrop({ ...crop, zoom: Number(e.target.value) })}
          className="w-full accent-accent"
        />
      </label>
    </div>
  );
}
