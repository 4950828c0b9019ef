import Link from "next/link";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { DRAW_KINDS, type DrawKind } from "@/lib/draws/kinds";
import type { CutoffChartPoint } from "./CutoffChart";
import { drawKindLabel, formatCount } from "./format";

/** The chart's figures in words, per kind: the text alternative of "Cut-offs over time". */
export function CutoffSummaryTable({ points }: { points: CutoffChartPoint[] }) {
  const byKind = new Map<DrawKind, CutoffChartPoint[]>();
  for (const p of points) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  // Built-in kinds in their usual order, then categories an administrator created.
  const kinds = [...DRAW_KINDS.filter((k) => byKind.has(k)), ...[...byKind.keys()].filter((k) => !DRAW_KINDS.includes(k))];
  const rows = kinds.map((kind) => {
    const list = byKind.get(kind)!;
    const low = list.reduce((a, b) => (b.cutoff < a.cutoff ? b : a));
    const high = list.reduce((a, b) => (b.cutoff > a.cutoff ? b : a));
    return { kind, count: list.length, first: list[0], last: list[list.length - 1], low, high };
  });
  const draw = (p: CutoffChartPoint) => (
    <>
      {p.cutoff} <span className="muted small">(<Link href={`/draws/${encodeURIComponent(p.number)}`}>#{p.number}</Link>, {p.date})</span>
    </>
  );
  return (
    <Table caption="Cut-offs by kind in this range" maxHeight="none">
      <THead>
        <TR>
          <TH>Kind</TH>
          <TH numeric>Draws</TH>
          <TH>Latest cut-off</TH>
          <TH>Lowest</TH>
          <TH>Highest</TH>
          <TH>First in range</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.kind}>
            <TD>{drawKindLabel({ kind: r.kind, kindLabel: r.first.kindLabel })}</TD>
            <TD numeric>{formatCount(r.count)}</TD>
            <TD className="nowrap">{draw(r.last)}</TD>
            <TD className="nowrap">{draw(r.low)}</TD>
            <TD className="nowrap">{draw(r.high)}</TD>
            <TD className="nowrap">{draw(r.first)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
