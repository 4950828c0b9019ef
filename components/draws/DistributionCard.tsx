import Link from "next/link";
import { Card, EmptyState, Table, TBody, TD, TFoot, TH, THead, TR } from "@/components/ui";
import type { PoolDistribution } from "@/lib/db/dashboard";
import { DistributionChart } from "./DistributionChart";
import { formatCount } from "./format";

const percent = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);

/** IRCC's latest published pool distribution, with the user's clients in the pool counted into the same ranges. */
export function DistributionCard({ distribution }: { distribution: PoolDistribution | null }) {
  if (!distribution) {
    return (
      <Card title="The pool's CRS distribution">
        <EmptyState title="No distribution published" description="None of the imported rounds carries IRCC's pool distribution." />
      </Card>
    );
  }
  const poolTotal = distribution.bands.reduce((sum, b) => sum + (b.pool ?? 0), 0);
  const clientTotal = distribution.bands.reduce((sum, b) => sum + b.clients, 0);
  const label = (b: { min: number; max: number }) => `${b.min}–${b.max}`;
  const top = [...distribution.bands].sort((a, b) => b.clients - a.clients)[0];
  const summary =
    `IRCC's pool on ${distribution.asOf}: ${formatCount(poolTotal)} candidates; your clients in the pool with a score: ${formatCount(clientTotal)}` +
    (clientTotal > 0 ? `, most of them in ${label(top)} (${formatCount(top.clients)}).` : ".") +
    " The table beside the chart gives every range.";
  return (
    <Card
      title="The pool's CRS distribution"
      description={
        <>
          As IRCC published it on {distribution.asOf} with <Link href={`/draws/${encodeURIComponent(distribution.drawNumber)}`}>draw #{distribution.drawNumber}</Link>, and
          your clients in the pool (profile active) by their current CRS.
        </>
      }
    >
      <div className="grid" style={{ alignItems: "start" }}>
        <DistributionChart bands={distribution.bands.map((b) => ({ label: label(b), pool: percent(b.pool ?? 0, poolTotal), clients: percent(b.clients, clientTotal) }))} summary={summary} />
        <Table caption="Candidates per CRS range" maxHeight="none">
          <THead>
            <TR>
              <TH>CRS range</TH>
              <TH numeric>IRCC&apos;s pool</TH>
              <TH numeric>Share</TH>
              <TH numeric>Your clients</TH>
              <TH numeric>Share</TH>
            </TR>
          </THead>
          <TBody>
            {[...distribution.bands].reverse().map((b) => (
              <TR key={b.key}>
                <TD className="num nowrap">{label(b)}</TD>
                <TD numeric>{b.pool === null ? "—" : formatCount(b.pool)}</TD>
                <TD numeric>{percent(b.pool ?? 0, poolTotal).toFixed(1)}%</TD>
                <TD numeric>{formatCount(b.clients)}</TD>
                <TD numeric>{percent(b.clients, clientTotal).toFixed(1)}%</TD>
              </TR>
            ))}
          </TBody>
          <TFoot>
            <TR>
              <TD>Total</TD>
              <TD numeric>{formatCount(poolTotal)}</TD>
              <TD numeric>100%</TD>
              <TD numeric>{formatCount(clientTotal)}</TD>
              <TD numeric>{clientTotal > 0 ? "100%" : "—"}</TD>
            </TR>
          </TFoot>
        </Table>
      </div>
      {distribution.clientsWithoutScore > 0 && <p className="small muted">{formatCount(distribution.clientsWithoutScore)} of your clients in the pool have no CRS recorded and are not counted.</p>}
    </Card>
  );
}
