import { Badge, Card } from "@/components/ui";
import type { CrsChange } from "@/lib/crs";
import type { ClientDetail } from "@/lib/db/clients";
import { factsStyles } from "./Facts";
import { formatMargin } from "./labels";

/** What the next birthday or year of Canadian work does to the client's CRS. */
export function ClientComingChanges({ client, changes }: { client: Pick<ClientDetail, "crsFactors" | "dateOfBirth">; changes: CrsChange[] }) {
  return (
    <Card title="Coming CRS changes">
      {!client.crsFactors || !client.dateOfBirth ? (
        <p className="small muted">Needs the calculator&rsquo;s factors and a date of birth.</p>
      ) : changes.length === 0 ? (
        <p className="small muted">No change expected at the next birthday or work anniversary.</p>
      ) : (
        <ul className={factsStyles.list}>
          {changes.map((c) => (
            <li key={`${c.kind}-${c.date}`}>
              <span>
                {c.kind === "birthday" ? "Next birthday" : "Next full year of Canadian work"}
                <br />
                <span className="muted num">{c.date}</span>
              </span>
              <span className="num nowrap">
                <Badge tone={c.pointsChange < 0 ? "warning" : "success"}>{formatMargin(c.pointsChange)}</Badge> → {c.newTotal}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
