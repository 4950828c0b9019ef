import Link from "next/link";
import { Card, EmptyState, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import type { KindWatch } from "@/lib/db/dashboard";
import { drawKindLabel, formatCount, formatMargin, plural } from "@/components/draws/format";
import { ClientLink } from "./ClientLink";

/** "New since the last draw": per kind, the clients above its latest cut-off who were not above the one before. */
export function NewlyAbove({ kinds, watchDays }: { kinds: KindWatch[]; watchDays: number }) {
  const watched = kinds.filter((k) => k.watch);
  const withNews = watched.filter((k) => k.watch!.newlyAbove > 0).map((k) => ({ draw: k.draw, ...k.watch! }));
  return (
    <Card
      title="New since the last draw"
      description={`Your clients above the latest cut-off of each kind who were not above the draw before it (draws of the last ${watchDays} days).`}
      flush={withNews.length > 0}
    >
      {watched.length === 0 ? (
        <EmptyState title="No draw in the last year" description="Import the latest rounds to see who they invite." />
      ) : withNews.length === 0 ? (
        <EmptyState title="No client newly above" description={`None of your clients cleared a cut-off they had not cleared before in ${plural(watched.length, "recent draw")}.`} />
      ) : (
        <div className="stack" style={{ gap: 0 }}>
          {withNews.map((entry) => (
            <Table
              key={entry.draw.number}
              maxHeight="none"
              caption={
                <span className="stack-sm" style={{ gap: 2 }}>
                  <span>
                    {drawKindLabel(entry.draw)} #{entry.draw.number}: {plural(entry.newlyAbove, "client")} newly above
                  </span>
                  <span className="small muted" style={{ fontWeight: 400 }}>
                    {entry.draw.date}, cut-off {entry.draw.cutoff} ·{" "}
                    <Link href={`/draws/${encodeURIComponent(entry.draw.number)}`}>
                      {entry.newlyAbove > entry.newlyAboveClients.length ? `all ${formatCount(entry.newlyAbove)} on the draw page` : "draw page"}
                    </Link>
                  </span>
                </span>
              }
            >
              <THead>
                <TR>
                  <TH>Client</TH>
                  <TH>Consultant</TH>
                  <TH numeric>CRS</TH>
                  <TH numeric>Margin</TH>
                </TR>
              </THead>
              <TBody>
                {entry.newlyAboveClients.map((c) => (
                  <TR key={c.clientId}>
                    <TD className="nowrap">
                      <ClientLink id={c.clientId} firstName={c.firstName} lastName={c.lastName} />
                    </TD>
                    <TD>{c.consultantName ?? "—"}</TD>
                    <TD numeric>{c.crs}</TD>
                    <TD numeric>{formatMargin(c.margin)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          ))}
        </div>
      )}
    </Card>
  );
}
