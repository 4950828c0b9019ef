"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface DistributionChartBand {
  label: string;
  /** Share of IRCC's pool in the band, in percent. */
  pool: number;
  /** Share of the user's clients in the pool, in percent. */
  clients: number;
}

/**
 * The pool's CRS distribution beside the firm's clients, both as shares so two very different
 * totals compare. The table next to it carries the counts.
 */
export function DistributionChart({ bands, summary }: { bands: DistributionChartBand[]; summary: string }) {
  return (
    <figure className="stack-sm" style={{ margin: 0 }}>
      <div role="img" aria-label={summary} style={{ width: "100%", height: 280 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bands} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11, fill: "var(--muted)" }} stroke="var(--border-strong)" interval={0} angle={-30} textAnchor="end" height={48} />
            <YAxis tickFormatter={(v) => `${v}%`} tick={{ fontSize: 12, fill: "var(--muted)" }} stroke="var(--border-strong)" width={48} />
            <Tooltip formatter={(value) => `${Number(value).toFixed(1)}%`} contentStyle={{ fontSize: 12, background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="pool" name="IRCC's pool" fill="#94a3b8" isAnimationActive={false} />
            <Bar dataKey="clients" name="Your clients in the pool" fill="#2563eb" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="small muted">{summary}</figcaption>
    </figure>
  );
}
