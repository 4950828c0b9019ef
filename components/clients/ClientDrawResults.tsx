import { Badge, Card, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import type { ClientDrawResult } from "@/lib/db/draws/client-results";
import { INELIGIBLE_REASON_LABELS, TIE_BREAK_LABELS } from "@/lib/draws/eligibility";
import { DRAW_KIND_LABELS, type DrawKind } from "@/lib/draws/kinds";
import { DRAW_KIND_SHORT, formatMargin } from "./labels";

/** Eligible and above, newly above, a near miss, below, or not eligible: in words, coloured to match. */
function DrawResultBadge({ result: d }: { result: ClientDrawResult }) {
  if (!d.eligible) return <Badge tone="neutral">Not eligible</Badge>;
  if (d.above) return <Badge tone="success">{d.newlyAbove ? "Newly above" : "Above"}</Badge>;
  if (d.nearMiss) return <Badge tone="warning">Near miss</Badge>;
  return <Badge tone="danger">Below</Badge>;
}

/** The client's result in each recent round, judged with the score in effect at the draw time. */
export function ClientDrawResults({ draws }: { draws: ClientDrawResult[] }) {
  return (
    <Card title="Recent draws" description="Each recent round judged for this client with the score in effect at the draw time." flush>
      <Table caption="This client's result in recent draws, newest first" captionHidden maxHeight="none">
        <THead>
          <TR>
            <TH>Draw</TH>
            <TH numeric>Cut-off</TH>
            <TH numeric>CRS then</TH>
            <TH numeric>Margin</TH>
            <TH>Result</TH>
          </TR>
        </THead>
        <TBody>
          {draws.length === 0 && <TableEmptyRow colSpan={5}>No draws in the ledger yet.</TableEmptyRow>}
          {draws.map((d) => (
            <TR key={d.draw.number}>
              <TD className="nowrap">
                <span title={DRAW_KIND_LABELS[d.draw.kind as DrawKind]}>
                  #{d.draw.number} {DRAW_KIND_SHORT[d.draw.kind as DrawKind] ?? d.draw.kind}
                </span>
                <div className="small muted num">{d.draw.date}</div>
              </TD>
              <TD numeric>{d.draw.cutoff}</TD>
              <TD numeric>{d.crs ?? "—"}</TD>
              <TD numeric className="nowrap">
                {d.margin === null ? "—" : formatMargin(d.margin)}
              </TD>
              <TD className="wrap">
                <DrawResultBadge result={d} />
                {!d.eligible && <div className="small muted">{d.reasons.map((r) => INELIGIBLE_REASON_LABELS[r]).join(" · ")}</div>}
                {d.eligible && d.tieBreak !== "not_applicable" && <div className="small muted">{TIE_BREAK_LABELS[d.tieBreak]}</div>}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
