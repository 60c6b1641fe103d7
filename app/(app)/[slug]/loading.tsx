// While a board loads: the shape of a board (three column skeletons), so the page does not jump.
export default function BoardLoading() {
  return (
    <div className="flex h-[calc(100dvh-49px)] flex-col" aria-busy="true">
      <div className="flex items-center gap-3 px-5 pt-4 pb-3">
        <div className="h-5 w-48 animate-pulse rounded-md bg-surface-2" />
        <div className="h-7 w-56 animate-pulse rounded-md bg-surface-2" />
      </div>
      <div className="flex gap-3 px-5">
        {[5, 3, 2].map((n) => (
          <div key={n} className="flex w-[284px] shrink-0 flex-col gap-1.5 rounded-xl bg-surface-2/70 p-2 pt-10">
            {Array.from({ length: n }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders.
              <div key={i} className="h-[72px] animate-pulse rounded-lg border border-border bg-surface" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
