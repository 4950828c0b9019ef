import Link from "next/link";
import { Badge, Stat, StatGroup } from "@/components/ui";
import type { KindWatch } from "@/lib/db/dashboard";
import { drawKindLabel, formatMargin } from "@/components/draws/format";
import styles from "./Dashboard.module.css";

/**
 * The latest draw of each kind: its cut-off, and the change from the previous draw of the kind.
 * Kinds IRCC has not drawn in the watched period get one line each, below.
 */
export function LatestDraws({ kinds }: { kinds: KindWatch[] }) {
  const recent = kinds.filter((k) => k.watch);
  const older = kinds.filter((k) => !k.watch);
  return (
    <div className="stack-sm">
      {recent.length > 0 && (
        <StatGroup aria-label="Latest draw of each kind">
          {recent.map(({ draw, cutoffChange, previousNumber }) => (
            <Stat
              key={draw.number}
              label={
                <span className="stack-sm" style={{ gap: 2 }}>
                  <Link href={`/draws/${encodeURIComponent(draw.number)}`}>{drawKindLabel(draw)}</Link>
                  <span className="small">
                    #{draw.number} · {draw.date} {draw.provisional && <Badge tone="warning">Provisional</Badge>}
                  </span>
                </span>
              }
              value={draw.cutoff}
              delta={cutoffChange === null ? "First draw of its kind" : cutoffChange === 0 ? `Same as #${previousNumber}` : `${formatMargin(cutoffChange)} vs #${previousNumber}`}
              trend={cutoffChange === null ? undefined : cutoffChange > 0 ? "up" : cutoffChange < 0 ? "down" : "flat"}
              // A lower cut-off is good news for clients.
              sentiment={cutoffChange === null || cutoffChange === 0 ? "neutral" : cutoffChange < 0 ? "good" : "bad"}
            />
          ))}
        </StatGroup>
      )}
      {older.length > 0 && (
        <p className={styles.older}>
          <span>Not drawn in the last year:</span>
          {older.map(({ draw }) => (
            <span key={draw.number}>
              <Link href={`/draws/${encodeURIComponent(draw.number)}`}>{drawKindLabel(draw)}</Link> #{draw.number}, {draw.date}, cut-off {draw.cutoff}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
