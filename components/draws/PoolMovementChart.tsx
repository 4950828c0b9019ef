"use client";

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface PoolMovementChartBand {
  label: string;
  /** Change in profiles since the previous publication; null when unknown. */
  sincePrevious: number | null;
  sinceYearStart: number | null;
}

const counts = new Intl.NumberFormat("en-CA", { signDisplay: "exceptZero" });

/**
 * Change in profiles per CRS band, lowest band on the left. The table beside it is the accessible
 * alternative and carries the same figures, so the chart itself is one labelled image.
 */
export function PoolMovementChart({ bands, previousLabel, yearStartLabel, summary }: { bands: PoolMovementChartBand[]; previousLabel: string | null; yearStartLabel: string | null; summary: string }) {
  return (
    <figure className="stack-sm" style={{ margin: 0 }}>
      <div role="img" aria-label={summary} style={{ width: "100%", height: 280 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bands} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: "var(--muted)" }} stroke="var(--border-strong)" interval={0} angle={-30} textAnchor="end" height={48} />
            <YAxis tickFormatter={(v) => counts.format(Number(v))} tick={{ fontSize: 12, fill: "var(--muted)" }} stroke="var(--border-strong)" width={64} />
            <ReferenceLine y={0} stroke="var(--border-strong)" />
            <Tooltip formatter={(value) => counts.format(Number(value))} contentStyle={{ fontSize: 12, background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {previousLabel && <Bar dataKey="sincePrevious" name={previousLabel} fill="#2563eb" isAnimationActive={false} />}
            {yearStartLabel && <Bar dataKey="sinceYearStart" name={yearStartLabel} fill="#94a3b8" isAnimationActive={false} />}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="small muted">{summary}</figcaption>
    </figure>
  );
}
