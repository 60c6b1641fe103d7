"use client";

import { useT } from "@/components/i18n-provider.tsx";
import type { MessageKey } from "@/lib/i18n/index.ts";
import { useDateFormat } from "./format.ts";
import { Section } from "./section.tsx";

export type HistoryRow = {
  id: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  createdAt: string;
  user: { id: number; username: string } | null;
};

const CLIP = 120;
const clip = (v: string) => (v.length > CLIP ? `${v.slice(0, CLIP)}…` : v);

export function History({ rows }: { rows: HistoryRow[] }) {
  const t = useT();
  const date = useDateFormat();
  const fieldName = (f: string) => {
    const key = `card.field.${f}` as MessageKey;
    const text = t(key);
    return text === key ? f : text;
  };
  const show = (field: string, v: string) => {
    if (field === "priority") {
      const key = `card.priority.${v}` as MessageKey;
      const text = t(key);
      return text === key ? v : text;
    }
    if (field === "deleted") return v === "true" ? "✓" : "–";
    return v;
  };
  return (
    <Section title={t("card.history")} id="card-history">
      {rows.length === 0 ? (
        <p className="text-sm text-muted">{t("card.noHistory")}</p>
      ) : (
        <ol className="flex flex-col gap-1.5 text-[13px]" data-testid="card-history">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline gap-x-1.5 text-text">
              <span className="font-medium">{r.user?.username ?? t("card.someone")}</span>
              {r.field === "created" ? (
                <span>{fieldName("created")}</span>
              ) : (
                <>
                  <span className="text-muted">·</span>
                  <span>{fieldName(r.field)}:</span>
                  {r.oldValue !== null && r.newValue !== null ? (
                    <>
                      <Value v={show(r.field, r.oldValue)} strike />
                      <span className="text-muted" aria-hidden="true">
                        →
                      </span>
                      <span className="sr-only">{t("card.historyTo")}</span>
                      <Value v={show(r.field, r.newValue)} />
                    </>
                  ) : r.newValue !== null ? (
                    <Value v={show(r.field, r.newValue)} />
                  ) : r.oldValue !== null ? (
                    <Value v={show(r.field, r.oldValue)} strike />
                  ) : null}
                </>
              )}
              <time className="ml-auto text-xs text-muted" dateTime={r.createdAt}>
                {date(r.createdAt)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function Value({ v, strike }: { v: string; strike?: boolean }) {
  return <span className={strike ? "text-muted line-through decoration-muted/50" : "font-medium"}>{clip(v)}</span>;
}
