"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { format } from "date-fns";
import { tz } from "@date-fns/tz";

export interface ScorePoint {
  /** ISO instant the score took effect. */
  effectiveAt: string;
  crs: number;
}

export interface CutoffPoint {
  /** ISO instant of the draw. */
  at: string;
  cutoff: number;
  label: string;
}

type Datum = { t: number; crs?: number; cutoff?: number; label?: string; carried?: boolean };

/**
 * The client's CRS over time as a step line (a score holds until the next one), with the
 * cut-offs of recent draws the client was eligible for as dots. The chart is a picture for sighted
 * users; the caption summarises it and the history table next to it carries the same data.
 */
export function ScoreHistoryChart({ scores, cutoffs, timeZone, now, summary }: { scores: ScorePoint[]; cutoffs: CutoffPoint[]; timeZone: string; now: string; summary: string }) {
  const inZone = tz(timeZone);
  const series: Datum[] = scores.map((s) => ({ t: Date.parse(s.effectiveAt), crs: s.crs }));
  // Carry the current score to today so the last step has a length.
  if (series.length > 0) series.push({ t: Math.max(Date.parse(now), series[series.length - 1].t), crs: series[series.length - 1].crs, carried: true });
  const dots: Datum[] = cutoffs.map((c) => ({ t: Date.parse(c.at), cutoff: c.cutoff, label: c.label }));
  const values = [...series.map((d) => d.crs!), ...dots.map((d) => d.cutoff!)];
  // Round ticks (every 10, 25, 50 or 100 points) with some room above and below the data.
  const spread = Math.max(...values) - Math.min(...values);
  const step = spread <= 40 ? 10 : spread <= 120 ? 25 : spread <= 300 ? 50 : 100;
  const min = Math.max(0, Math.floor((Math.min(...values) - step / 2) / step) * step);
  const max = Math.min(1200, Math.ceil((Math.max(...values) + step / 2) / step) * step);
  const ticks = Array.from({ length: Math.round((max - min) / step) + 1 }, (_, i) => min + i * step);
  const day = (t: number) => format(new Date(t), "yyyy-MM-dd", { in: inZone });

  return (
    <figure className="stack-sm" style={{ margin: 0 }}>
      <div role="img" aria-label={summary} style={{ width: "100%", height: 240 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={day} tick={{ fontSize: 12, fill: "var(--muted)" }} stroke="var(--border-strong)" allowDuplicatedCategory={false} />
            <YAxis domain={[min, max]} ticks={ticks} tick={{ fontSize: 12, fill: "var(--muted)" }} stroke="var(--border-strong)" width={48} allowDecimals={false} />
            <Tooltip
              labelFormatter={(t) => day(Number(t))}
              formatter={(value, name, item) => [value, name === "cutoff" ? ((item?.payload as Datum | undefined)?.label ?? "Draw cut-off") : "CRS"]}
              contentStyle={{ fontSize: 12, background: "var(--surface)", border: "1px solid var(--border)" }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} formatter={(name) => (name === "crs" ? "Client's CRS" : "Cut-off of a draw the client was eligible for")} />
            <Line
              data={series}
              dataKey="crs"
              name="crs"
              type="stepAfter"
              stroke="var(--accent)"
              strokeWidth={2}
              dot={(props: { cx?: number; cy?: number; index?: number; payload?: Datum }) =>
                props.payload?.carried || props.cx == null || props.cy == null ? (
                  <g key={`carried-${props.index}`} />
                ) : (
                  <circle key={`dot-${props.index}`} cx={props.cx} cy={props.cy} r={3} fill="var(--surface)" stroke="var(--accent)" strokeWidth={2} />
                )
              }
              isAnimationActive={false}
            />
            {dots.length > 0 && (
              <Line data={dots} dataKey="cutoff" name="cutoff" stroke="none" dot={{ r: 3, fill: "var(--warning)", stroke: "var(--warning)" }} activeDot={{ r: 5 }} isAnimationActive={false} legendType="circle" />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="small muted">{summary}</figcaption>
    </figure>
  );
}
