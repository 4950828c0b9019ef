import { Card, Table, TableEmptyRow, TBody, TD, TH, THead, TR } from "@/components/ui";
import type { ScoreHistoryEntry } from "@/lib/db/clients";
import type { ClientDrawResult } from "@/lib/db/draws/client-results";
import { formatInstant } from "@/lib/dates";
import { scoreHistorySummary, scoresOldestFirst } from "@/lib/clients/score-history";
import { DRAW_KIND_SHORT, SCORE_SOURCE_LABELS } from "./labels";
import { ScoreHistoryChart } from "./ScoreHistoryChart";

/** The client's scores over time: the chart against the cut-offs of the draws they were eligible for, and the table. */
export function ClientScoreHistory({ history, eligibleDraws, timeZone: tz, now }: { history: ScoreHistoryEntry[]; eligibleDraws: ClientDrawResult[]; timeZone: string; now: Date }) {
  const at = (iso: string, seconds = false) => formatInstant(iso, tz, { seconds });
  const ordered = scoresOldestFirst(history);
  const chartSummary = scoreHistorySummary(ordered, tz);
  return (
    <Card title="Score history" flush>
      <div className="stack" style={{ padding: "var(--space-3) var(--space-4)" }}>
        {ordered.length > 0 ? (
          <ScoreHistoryChart
            scores={ordered.map((s) => ({ effectiveAt: s.effectiveAt, crs: s.crs }))}
            cutoffs={eligibleDraws.map((d) => ({ at: d.draw.drawnAt ?? `${d.draw.date}T23:59:59Z`, cutoff: d.draw.cutoff, label: `#${d.draw.number} ${DRAW_KIND_SHORT[d.draw.kind]} cut-off` }))}
            timeZone={tz}
            now={now.toISOString()}
            summary={chartSummary}
          />
        ) : (
          <p className="muted small">{chartSummary}</p>
        )}
      </div>
      <Table caption="Score history, newest first" captionHidden maxHeight="320px">
        <THead>
          <TR>
            <TH>In effect from</TH>
            <TH numeric>CRS</TH>
            <TH>Source</TH>
            <TH>Reason</TH>
            <TH>By</TH>
          </TR>
        </THead>
        <TBody>
          {history.length === 0 && <TableEmptyRow colSpan={5}>No scores recorded.</TableEmptyRow>}
          {[...ordered].reverse().map((s, i) => (
            <TR key={`${s.effectiveAt}-${i}`}>
              <TD className="num nowrap">{at(s.effectiveAt, true)}</TD>
              <TD numeric>{s.crs}</TD>
              <TD>{SCORE_SOURCE_LABELS[s.source] ?? s.source}</TD>
              <TD className="wrap">{s.reason ?? ""}</TD>
              <TD>{s.createdByName ?? ""}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
