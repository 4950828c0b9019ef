import { Card } from "@/components/ui";
import type { ClientDetail } from "@/lib/db/clients";
import { DeadlineBadge } from "./DeadlineBadges";
import { factsStyles } from "./Facts";

/** The client's deadlines, most urgent first, each with its urgency band or the days left. */
export function ClientDeadlines({ deadlines }: { deadlines: ClientDetail["deadlines"] }) {
  return (
    <Card title="Deadlines">
      {deadlines.length === 0 ? (
        <p className="small muted">No dates recorded.</p>
      ) : (
        <ul className={factsStyles.list} aria-label="Deadlines, most urgent first">
          {deadlines.map((d) => (
            <li key={d.kind}>
              <span>
                {d.label}
                <br />
                <span className="muted num">{d.dueOn}</span>
              </span>
              {d.band ? <DeadlineBadge deadline={{ ...d, band: d.band }} withKind={false} /> : <span className="small muted nowrap">in {d.daysLeft} d</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
