"use client";
// The two scrum charts (Recharts, SVG: they scale to the page and print): the burndown with its
// ideal line and scope-change markers, and the velocity (committed vs completed per sprint).
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { getBurndown, velocityOf } from "../../lib/scrum/reports.ts";
import { useLanguage, useT } from "../i18n-provider.tsx";
import { formatAxisDay, formatDay } from "./format.ts";

export type BurndownData = Awaited<ReturnType<typeof getBurndown>>;
export type VelocityData = Awaited<ReturnType<typeof velocityOf>>;

const AXIS = { fontSize: 11, fill: "var(--color-muted)" };
const TOOLTIP_STYLE = {
  background: "var(--color-surface)",
  border: "1px solid var(--color-border)",
  borderRadius: 8,
  fontSize: 12,
  color: "var(--color-text)",
};

export function BurndownChart({ data }: { data: BurndownData }) {
  const t = useT();
  const language = useLanguage();
  const points = data.days.map((d) => ({
    ...d,
    label: d.day === 0 ? t("scrum.reports.start") : formatAxisDay(d.date, language),
  }));
  const marks = points.filter((d) => d.remaining !== null && (d.added > 0 || d.removed > 0));
  return (
    <div className="h-72 w-full print:h-auto [&_svg]:max-w-full print:[&_svg]:h-auto" data-testid="burndown-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 12, right: 16, bottom: 4, left: -8 }}>
          <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            tick={AXIS}
            tickLine={false}
            axisLine={{ stroke: "var(--color-border)" }}
            interval="preserveStartEnd"
          />
          <YAxis tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} width={44} />
          <Tooltip
            contentStyle={TOOLTIP_STYLE}
            labelFormatter={(_, payload) => {
              const d = payload?.[0]?.payload as (typeof points)[number] | undefined;
              return d ? (d.day === 0 ? t("scrum.reports.start") : formatDay(d.date, language)) : "";
            }}
            formatter={(value, name) => [value ?? "–", name]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            name={t("scrum.reports.ideal")}
            dataKey="ideal"
            stroke="var(--color-muted)"
            strokeDasharray="5 4"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name={t("scrum.reports.remaining")}
            dataKey="remaining"
            stroke="var(--color-accent)"
            strokeWidth={2.25}
            dot={{ r: 3, fill: "var(--color-accent)" }}
            connectNulls={false}
            isAnimationActive={false}
          />
          {marks.map((d) => (
            <ReferenceDot
              key={d.day}
              x={d.label}
              y={d.remaining as number}
              r={6}
              fill="var(--color-warning)"
              stroke="var(--color-surface)"
              strokeWidth={2}
              label={{
                value: [d.added ? `+${d.added}` : "", d.removed ? `−${d.removed}` : ""].filter(Boolean).join(" "),
                position: "top",
                fontSize: 11,
                fill: "var(--color-warning)",
              }}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export function VelocityChart({ data }: { data: VelocityData }) {
  const t = useT();
  return (
    <>
      {data.averageVelocity !== null ? (
        <p className="mb-2 flex items-center gap-2 text-[13px] text-text" data-testid="average-velocity">
          <span aria-hidden="true" className="w-5 border-t-2 border-dashed border-success" />
          {t("scrum.reports.average", { count: data.averageOver, points: data.averageVelocity })}
        </p>
      ) : null}
      <div className="h-64 w-full print:h-auto [&_svg]:max-w-full print:[&_svg]:h-auto" data-testid="velocity-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data.sprints} margin={{ top: 12, right: 16, bottom: 4, left: -8 }} barGap={2}>
            <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={AXIS} tickLine={false} axisLine={{ stroke: "var(--color-border)" }} />
            <YAxis tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} width={44} />
            <Tooltip contentStyle={TOOLTIP_STYLE} cursor={{ fill: "var(--color-surface-2)" }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              name={t("scrum.reports.committed")}
              dataKey="committed"
              fill="var(--color-muted)"
              fillOpacity={0.35}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
            <Bar
              name={t("scrum.reports.completed")}
              dataKey="completed"
              fill="var(--color-accent)"
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
            {data.averageVelocity !== null ? (
              <ReferenceLine y={data.averageVelocity} stroke="var(--color-success)" strokeDasharray="5 4" strokeWidth={1.5} />
            ) : null}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}
