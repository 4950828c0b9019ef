import { Alert, Card } from "@/components/ui";
import type { ClientDetail } from "@/lib/db/clients";
import type { ClientDrawResult } from "@/lib/db/draws/client-results";
import { formatInstant } from "@/lib/dates";
import { CrsBreakdown } from "./CrsBreakdown";
import { factsStyles } from "./Facts";
import { DRAW_KIND_SHORT, formatMargin, SCORE_SOURCE_LABELS } from "./labels";

/** The client's CRS in effect, where it came from, its margin at the latest eligible draw, and the calculator's breakdown. */
export function ClientCrsCard({ client, latestEligible }: { client: ClientDetail; latestEligible: ClientDrawResult | undefined }) {
  const at = (iso: string | null) => (iso ? formatInstant(iso, client.timeZone, { seconds: false }) : null);
  return (
    <Card
      title="CRS"
      description={
        client.crsBreakdown
          ? "Computed by the calculator from the stored factors."
          : client.crs !== null
            ? `Entered by hand: ${client.crsReason ?? (client.crsSource === "import" ? "imported from CSV" : "no reason recorded")}`
            : "No score recorded yet."
      }
    >
      <div className="stack">
        <div className={factsStyles.score}>
          <span className={factsStyles.scoreValue} data-testid="client-crs">
            {client.crs ?? "—"}
          </span>
          <span className="small muted">
            {client.crsEffectiveAt && <>in effect since {at(client.crsEffectiveAt)}</>}
            {client.crsSource && <> · {SCORE_SOURCE_LABELS[client.crsSource] ?? client.crsSource}</>}
            {latestEligible?.margin != null && (
              <>
                {" "}
                · {formatMargin(latestEligible.margin)} vs {DRAW_KIND_SHORT[latestEligible.draw.kind]} #{latestEligible.draw.number} (latest draw the client was eligible for)
              </>
            )}
          </span>
        </div>
        {client.crsBreakdown && client.crs !== null && client.crsBreakdown.total !== client.crs && (
          <Alert tone="warning" title="The factors give a different score today">
            The stored factors compute to {client.crsBreakdown.total}; the score in effect is {client.crs}. Edit the client to record the new score.
          </Alert>
        )}
        {client.crsBreakdown && <CrsBreakdown result={client.crsBreakdown} caption="CRS breakdown, line by line" />}
      </div>
    </Card>
  );
}
