"use client";
// The `?` dialog: the board's keyboard shortcuts, and how to move cards with the keyboard.
import { useT } from "../i18n-provider.tsx";
import { Dialog, DialogContent } from "../ui/dialog.tsx";
import { Kbd } from "../ui/kbd.tsx";

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useT();
  const rows: [string[], string][] = [
    [["N"], t("board.shortcuts.newCard")],
    [["/"], t("board.shortcuts.search")],
    [["?"], t("board.shortcuts.help")],
    [["Enter"], t("board.shortcuts.openCard")],
    [["Space"], t("board.shortcuts.lift")],
    [["←", "↑", "↓", "→"], t("board.shortcuts.arrows")],
    [["Esc"], t("board.shortcuts.cancel")],
  ];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <DialogContent size="sm" title={t("board.shortcuts.title")} description={t("board.shortcuts.description")}>
          <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2.5 text-[13px]" data-testid="shortcuts">
            {rows.map(([keys, label]) => (
              <div key={label} className="contents">
                <dt className="flex gap-1">
                  {keys.map((k) => (
                    <Kbd key={k}>{k}</Kbd>
                  ))}
                </dt>
                <dd className="text-text">{label}</dd>
              </div>
            ))}
          </dl>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
