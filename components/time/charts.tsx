"use client";

// Charts of the time pages (recharts, SVG, so they also print): hours per week, the split of
// each week by user or project (stacked), and a contract's burn-down with its forecast. Values are
// minutes; only the axes and tooltips show hours.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useLanguage, useT } from "@/components/i18n-provider.tsx";
import { hueFor } from "@/components/ui/avatar.tsx";
import { addDays, daysBetween } from "@/lib/time/dates.ts";
import { formatDuration } from "@/lib/time/duration.ts";

const AXIS = { fontSize: 11, fill: "var(--color-muted)" };
const GRID = "var(--color-border)";
const TOOLTIP = {
  contentStyle: {
    background: "var(--color-surface)",
    border: "1px solid var(--color-border)",
    borderRadius: 8,
    fontSize: 12,
    color: "var(--color-text)",
  },
  labelStyle: { color: "var(--color-text)", fontWeight: 600 },
};

/** Axis and tooltip values as the totals read them: `h:mm` (whole hours as `2 h`), never 0.4 h. */
function useHours() {
  return (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} h` : formatDuration(minutes));
}

/** A colour per series that stays the same from page to page. */
export const seriesColour = (name: string, given?: string | null) => given ?? `hsl(${hueFor(name)} 55% 52%)`;

export type WeekPoint = { week: string; minutes: number; [series: string]: number | string };

/** Bars: hours per week; with `series`, stacked by them (user or project). */
export function WeeklyChart({
  data,
  series,
  label,
}: {
  data: WeekPoint[];
  series?: { key: string; name: string; colour: string }[];
  label: string;
}) {
  const t = useT();
  const hours = useHours();
  // Round steps (15 min, 30 min, whole hours…) above the highest week.
  const weekAxis = quarterTicks(Math.max(60, ...data.map((d) => Number(d.minutes) || 0)));
  return (
    <figure aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 256 }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="week"
            tick={AXIS}
            tickLine={false}
            axisLine={{ stroke: GRID }}
            tickFormatter={(w: string) => w.slice(5)}
          />
          <YAxis
            tick={AXIS}
            tickLine={false}
            axisLine={false}
            tickFormatter={hours}
            width={48}
            domain={[0, weekAxis.top]}
            ticks={weekAxis.ticks}
          />
          <Tooltip
            {...TOOLTIP}
            cursor={{ fill: "var(--color-surface-2)" }}
            formatter={(value) => `${formatDuration(Number(value))} ${t("time.unit.h")}`}
          />
          {series?.length ? (
            <>
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.name} stackId="split" fill={s.colour} isAnimationActive={false} />
              ))}
            </>
          ) : (
            <Bar
              dataKey="minutes"
              name={t("time.reports.hours")}
              fill="var(--color-accent)"
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
          )}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

const STEPS = [15, 30, 60, 120, 240, 300, 600, 1200, 1500, 3000, 6000, 12_000, 30_000, 60_000, 120_000, 300_000];

/** Four even steps of a round number of minutes (whole hours from an hour up) reaching above `max`. */
function quarterTicks(max: number) {
  const step = STEPS.find((s) => s * 4 >= max * 1.05) ?? Math.ceil((max * 1.05) / 4 / 60) * 60;
  return { top: step * 4, ticks: [0, step, step * 2, step * 3, step * 4] };
}

/**
 * Used minutes over time against the budget, and the forecast from today to the run-out date.
 * Days are numbered from the first point so that the x axis is to scale.
 */
export function BurnDownChart({
  points,
  forecast,
  contractedMinutes,
  startDate,
  endDate,
  label,
}: {
  points: { date: string; usedMinutes: number }[];
  forecast: { date: string; usedMinutes: number }[];
  contractedMinutes: number;
  startDate: string | null;
  endDate: string | null;
  label: string;
}) {
  const t = useT();
  const language = useLanguage();
  const hours = useHours();
  const first = [startDate, points[0]?.date, forecast[0]?.date].filter(Boolean).sort()[0] as string | undefined;
  if (!first) return <p className="text-sm text-muted">{t("time.burn.noData")}</p>;
  const day = (iso: string) => daysBetween(first, iso);
  const data = [
    ...(startDate && (!points[0] || startDate < points[0].date) ? [{ x: day(startDate), used: 0 }] : []),
    ...points.map((p) => ({ x: day(p.date), used: p.usedMinutes })),
  ].map((p) => ({ ...p, forecast: undefined as number | undefined }));
  for (const f of forecast) data.push({ x: day(f.date), used: undefined as unknown as number, forecast: f.usedMinutes });
  data.sort((a, b) => a.x - b.x);
  const last = Math.max(...data.map((d) => d.x), endDate ? day(endDate) : 0);
  const axis = quarterTicks(Math.max(contractedMinutes, ...data.map((d) => d.used ?? d.forecast ?? 0)));
  const dateFormat = new Intl.DateTimeFormat(language, { day: "numeric", month: "short", timeZone: "UTC" });
  const tick = (x: number) => dateFormat.format(new Date(`${addDays(first, x)}T00:00:00Z`));
  return (
    <figure aria-label={label} className="h-60 w-full">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 240 }}>
        <LineChart data={data} margin={{ top: 12, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="x"
            type="number"
            domain={[0, last]}
            tick={AXIS}
            tickFormatter={tick}
            tickLine={false}
            axisLine={{ stroke: GRID }}
          />
          <YAxis
            tick={AXIS}
            tickLine={false}
            axisLine={false}
            tickFormatter={hours}
            width={44}
            domain={[0, axis.top]}
            ticks={axis.ticks}
          />
          <Tooltip
            {...TOOLTIP}
            labelFormatter={(x) => tick(Number(x))}
            formatter={(value, name) => [`${formatDuration(Number(value))} ${t("time.unit.h")}`, name]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine
            y={contractedMinutes}
            stroke="var(--color-danger)"
            strokeDasharray="6 4"
            label={{ value: t("time.burn.budget"), position: "insideTopLeft", fontSize: 11, fill: "var(--color-danger)" }}
          />
          {endDate ? <ReferenceLine x={day(endDate)} stroke="var(--color-muted)" strokeDasharray="2 3" /> : null}
          <Line
            type="stepAfter"
            dataKey="used"
            name={t("time.burn.used")}
            stroke="var(--color-accent)"
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="forecast"
            name={t("time.burn.forecast")}
            stroke="var(--color-muted)"
            strokeWidth={2}
            strokeDasharray="5 4"
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
