import Link from "next/link";
import { Button, Card, EmptyState, SelectField, Table, TBody, TD, TFoot, TH, THead, TR } from "@/components/ui";
import type { PoolMovementView } from "@/lib/db/draws/pool-movement";
import { formatChange } from "@/lib/draws/pool-movement";
import { formatCount } from "./format";
import { PoolMovementChart } from "./PoolMovementChart";

const drawLink = (number: string) => <Link href={`/draws/${encodeURIComponent(number)}`}>#{number}</Link>;

/**
 * How IRCC's pool moved per CRS band: the chosen round's published distribution against the
 * previous publication and the first of its calendar year. `hidden` keeps the ledger's other
 * URL state when another round is picked.
 */
export function PoolMovementCard({ view, hidden }: { view: PoolMovementView | null; hidden: Record<string, string | string[]> }) {
  if (!view) {
    return (
      <Card title="Pool movement">
        <EmptyState title="No distribution published" description="None of the imported rounds carries IRCC's pool distribution." />
      </Card>
    );
  }
  const { movement: m, summary, rounds } = view;
  const previousLabel = m.previous && `Since #${m.previous.drawNumber} (${m.previous.asOf})`;
  const yearStartLabel = m.yearStart && `Since #${m.yearStart.drawNumber}, first of ${m.date.slice(0, 4)} (${m.yearStart.asOf})`;
  return (
    <Card
      title="Pool movement"
      description={
        <>
          IRCC&apos;s distribution of {m.asOf}, published with draw {drawLink(m.drawNumber)}, against the previous publication
          {m.previous ? <> (draw {drawLink(m.previous.drawNumber)})</> : " (none earlier)"} and the first of {m.date.slice(0, 4)}
          {m.yearStart ? <> (draw {drawLink(m.yearStart.drawNumber)})</> : " (this one)"}. Rounds that published no distribution are skipped.
        </>
      }
    >
      <div className="stack">
        <form method="get" action="/draws" className="row-wrap" aria-label="Choose the round for the pool movement">
          {Object.entries(hidden).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => <input key={`${name}=${v}`} type="hidden" name={name} value={v} />))}
          <SelectField label="Round" name="pool" defaultValue={m.drawNumber}>
            {rounds.map((r) => (
              <option key={r.number} value={r.number}>
                #{r.number} · {r.date} (pool of {r.asOf})
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>
        <div className="grid" style={{ alignItems: "start" }}>
          <PoolMovementChart
            bands={[...m.bands].reverse().map((b) => ({ label: `${b.min}–${b.max}`, sincePrevious: b.sincePrevious, sinceYearStart: b.sinceYearStart }))}
            previousLabel={previousLabel}
            yearStartLabel={yearStartLabel}
            summary={summary}
          />
          <Table caption="Change in profiles per CRS range" maxHeight="none">
            <THead>
              <TR>
                <TH>CRS range</TH>
                <TH numeric>Pool on {m.asOf}</TH>
                <TH numeric>{m.previous ? `Since #${m.previous.drawNumber}` : "Since the previous round"}</TH>
                <TH numeric>
                  {m.yearStart ? `Since #${m.yearStart.drawNumber}` : `Since the first of ${m.date.slice(0, 4)}`}
                  {m.yearStart && (
                    <span className="small muted" style={{ display: "block" }}>
                      {" "}(first of {m.date.slice(0, 4)})
                    </span>
                  )}
                </TH>
              </TR>
            </THead>
            <TBody>
              {m.bands.map((b) => (
                <TR key={b.key}>
                  <TH scope="row" className="num nowrap">
                    {b.min}–{b.max}
                  </TH>
                  <TD numeric>{b.count === null ? "—" : formatCount(b.count)}</TD>
                  <TD numeric>{formatChange(b.sincePrevious)}</TD>
                  <TD numeric>{formatChange(b.sinceYearStart)}</TD>
                </TR>
              ))}
            </TBody>
            <TFoot>
              <TR>
                <TH scope="row">Total</TH>
                <TD numeric>{m.total === null ? "—" : formatCount(m.total)}</TD>
                <TD numeric>{formatChange(m.totalSincePrevious)}</TD>
                <TD numeric>{formatChange(m.totalSinceYearStart)}</TD>
              </TR>
            </TFoot>
          </Table>
        </div>
      </div>
    </Card>
  );
}
