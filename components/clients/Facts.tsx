import type { ReactNode } from "react";
import styles from "./Facts.module.css";

const EMPTY = <span className="muted">—</span>;

/** A definition list of label / value pairs; empty values show a dash, never a blank. */
export function Facts({ items, label }: { items: [string, ReactNode][]; label?: string }) {
  return (
    <dl className={styles.facts} aria-label={label}>
      {items.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt>{term}</dt>
          <dd>{value === null || value === undefined || value === "" ? EMPTY : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export { styles as factsStyles };
