import Link from "next/link";
import { Card, EmptyState, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import type { DrawWatch } from "@/lib/db/dashboard";
import { DRAW_KIND_SHORT } from "@/components/clients/labels";
import { formatCount, formatMargin } from "@/components/draws/format";
import { ClientLink } from "./ClientLink";

/** Eligible clients just under the latest cut-offs, closest first. */
export function NearMisses({ watch }: { watch: DrawWatch }) {
  const { nearMisses, nearMissTotal, margin } = watch;
  return (
    <Card
      title="Near misses"
      description={`Eligible clients at most ${margin} points below the latest cut-off of each kind (or at the cut-off but after the tie-break time), closest first.`}
      flush={nearMisses.length > 0}
    >
      {nearMisses.length === 0 ? (
        <EmptyState title="No near misses" description="No eligible client is within the margin below a recent cut-off." />
      ) : (
        <Table
          maxHeight="none"
          caption={nearMissTotal > nearMisses.length ? `Closest ${formatCount(nearMisses.length)} of ${formatCount(nearMissTotal)} near misses` : `${formatCount(nearMissTotal)} near misses`}
          captionHidden={false}
        >
          <THead>
            <TR>
              <TH>Client</TH>
              <TH>Draw</TH>
              <TH numeric>CRS</TH>
              <TH numeric>Margin</TH>
              <TH>Consultant</TH>
            </TR>
          </THead>
          <TBody>
            {nearMisses.map((c) => (
              <TR key={`${c.drawNumber}:${c.clientId}`}>
                <TD className="nowrap">
                  <ClientLink id={c.clientId} firstName={c.firstName} lastName={c.lastName} />
                </TD>
                <TD className="nowrap">
                  <Link href={`/draws/${encodeURIComponent(c.drawNumber)}`}>
                    {DRAW_KIND_SHORT[c.kind]} #{c.drawNumber}
                  </Link>
                </TD>
                <TD numeric>{c.crs}</TD>
                <TD numeric className="nowrap">{c.margin === 0 ? "0 (tie-break)" : formatMargin(c.margin)}</TD>
                <TD>{c.consultantName ?? "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
