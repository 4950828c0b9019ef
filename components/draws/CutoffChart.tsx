"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DrawKind } from "@/lib/draws/kinds";
import { drawKindLabel } from "./format";
import { KIND_COLORS } from "./kind-colors";

export interface CutoffChartPoint {
  number: string;
  /** YYYY-MM-DD. */
  date: string;
  kind: DrawKind;
  /** A created category's label (CategoryKind); built-in kinds are labelled in code. */
  kindLabel?: string | null;
  cutoff: number;
}


type Datum = { t: number; cutoff: number; number: string; date: string };

const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Ticks on whole years over a long range, on months over a short one (UTC: draw dates have no zone). */
function timeTicks(first: number, last: number): { ticks: number[]; format: (t: number) => string } {
  const start = new Date(first);
  const years = (last - first) / (365.25 * 86_400_000);
  const step = years > 6 ? 2 : years > 2 ? 1 : 0;
  const ticks: number[] = [];
  if (step > 0) {
    for (let y = start.getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= last; y += step) ticks.push(Date.UTC(y, 0, 1));
    return { ticks, format: (t) => String(new Date(t).getUTCFullYear()) };
  }
  const months = years > 1 ? 3 : 1;
  for (let m = start.getUTCMonth() + 1, y = start.getUTCFullYear(); Date.UTC(y, m, 1) <= last; m += months) ticks.push(Date.UTC(y, m, 1));
  return { ticks, format: (t) => day(t).slice(0, 7) };
}

/**
 * Cut-offs over time, one line per kind. A picture for sighted users: `summary` names what it
 * shows, and the page carries the same figures as tables.
 */
export function CutoffChart({ points, summary }: { points: CutoffChartPoint[]; summary: string }) {
  const byKind = new Map<DrawKind, Datum[]>();
  const labels = new Map(points.map((p) => [p.kind, drawKindLabel({ kind: p.kind, kindLabel: p.kindLabel })]));
  for (const p of points) {
    const list = byKind.get(p.kind) ?? [];
    list.push({ t: dayMs(p.date), cutoff: p.cutoff, number: p.number, date: p.date });
    byKind.set(p.kind, list);
  }
  const values = points.map((p) => p.cutoff);
  const min = Math.max(0, Math.floor((Math.min(...values) - 20) / 50) * 50);
  const max = Math.min(1200, Math.ceil((Math.max(...values) + 20) / 50) * 50);
  const times = points.map((p) => dayMs(p.date));
  const axis = timeTicks(Math.min(...times), Math.max(...times));
  return (
    <figure className="stack-sm" style={{ margin: 0 }}>
      <div role="img" aria-label={summary} style={{ width: "100%", height: 320 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} ticks={axis.ticks} tickFormatter={axis.format} tick={{ fontSize: 12, fill: "var(--muted)" }} stroke="var(--border-strong)" allowDuplicatedCategory={false} />
            <YAxis domain={[min, max]} tick={{ fontSize: 12, fill: "var(--muted)" }} stroke="var(--border-strong)" width={48} allowDecimals={false} />
            <Tooltip
              labelFormatter={(t) => day(Number(t))}
              formatter={(value, name, item) => [`${value} (draw #${(item?.payload as Datum | undefined)?.number ?? ""})`, name]}
              contentStyle={{ fontSize: 12, background: "var(--surface)", border: "1px solid var(--border)", color: "var(--text)" }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {[...byKind.entries()].map(([kind, data]) => {
              // A category an administrator created has no colour of its own: the neutral one.
              const color = KIND_COLORS[kind] ?? KIND_COLORS.unrecognised;
              return (
                <Line
                  key={kind}
                  data={data}
                  dataKey="cutoff"
                  name={labels.get(kind)}
                  stroke={color}
                  strokeWidth={1.5}
                  dot={{ r: 2, fill: color, stroke: color }}
                  activeDot={{ r: 4 }}
                  isAnimationActive={false}
                />
              );
            })}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="small muted">{summary}</figcaption>
    </figure>
  );
}
