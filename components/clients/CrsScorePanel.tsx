import type { CrsResult } from "@/lib/crs";
import { CrsBreakdown } from "./CrsBreakdown";
import { CRS_SECTION_LABELS } from "./labels";
import styles from "./ClientForm.module.css";

/** The calculator's score as it is computed, by section and line by line, or how many factors are still missing. */
export function CrsScorePanel({ result, missing }: { result: CrsResult | null; missing: number }) {
  return (
    <aside className={styles.scorePanel} aria-label="Computed CRS">
      <p className="small muted">Computed CRS</p>
      <p className={styles.scoreValue} aria-live="polite" aria-atomic="true">
        <output name="computedCrs" data-testid="computed-crs" aria-label="Computed CRS score">
          {result ? result.total : "—"}
        </output>
      </p>
      {result ? (
        <dl className={styles.sections}>
          {(["core", "spouse", "transferability", "additional"] as const).map((section) => (
            <div key={section}>
              <dt>{CRS_SECTION_LABELS[section]}</dt>
              <dd className="num">{result[section]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="small muted">
          {missing} factor{missing === 1 ? "" : "s"} still to fill in (age, education and the four first-language levels are needed).
        </p>
      )}
      {result && (
        <details>
          <summary className="small">Line-by-line breakdown</summary>
          <CrsBreakdown result={result} caption="Breakdown of the computed CRS" captionHidden />
        </details>
      )}
    </aside>
  );
}
